// node:module for the browser bundle. Only GB18030 CSV output asks for a module (iconv-lite, whose
// tables would double the page): the app offers UTF-8 with BOM only, which Excel and WPS open.
export function createRequire(): (id: string) => never {
  return (id) => {
    throw new Error(`${id}: GB18030 CSV 请用命令行 rota --encoding gb18030 (the browser app writes UTF-8 with BOM)`);
  };
}
