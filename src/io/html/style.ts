// The page's one stylesheet, inlined. Large type and strong contrast for older residents
// (适老化), cards instead of a wide table on a phone, and A4 print as a 公告: the text and the table,
// without the search box, the month grid and a place repeated on every row.
export const PAGE_CSS = `
:root{--ink:#1a1a1a;--muted:#4a4a4a;--brand:#0b4a85;--brand-ink:#fff;--line:#c7ccd3;--soft:#f2f5f9;--rest:#eceff3;--hol:#a4161a;--hol-bg:#fdecec;--mk:#7a4100;--mk-bg:#fff3df;--focus:#c2410c}
*{box-sizing:border-box}
[hidden]{display:none!important}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;color:var(--ink);background:#fff;font:18px/1.75 "PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",sans-serif;overflow-wrap:anywhere}
a{color:var(--brand);text-underline-offset:.15em}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.vh{position:absolute!important;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.band{background:var(--brand);color:var(--brand-ink)}
.wrap{max-width:76rem;margin:0 auto;padding:0 1.25rem}
header .wrap{padding-top:1.5rem;padding-bottom:1.5rem}
h1{margin:0;font-size:1.75rem;line-height:1.4;letter-spacing:.02em}
.docno{margin:.4rem 0 0;font-size:1.125rem}
.doc{margin:1.5rem 0 0}
.doc p{margin:.5rem 0;text-indent:2em}
.doc .sub{list-style:none;margin:0;padding:0 0 0 2em}
.doc .close{margin-top:1rem}
.doc .sign{text-align:right;text-indent:0;margin-top:1rem}
h2{font-size:1.375rem;line-height:1.4;margin:2rem 0 .75rem;padding-left:.6rem;border-left:.3rem solid var(--brand)}
.search{margin:1.5rem 0 0;padding:1rem 1.25rem;background:var(--soft);border:1px solid var(--line);border-radius:.4rem}
.search h2{margin-top:0}
.search label{display:block;font-weight:700}
.search .row{display:flex;flex-wrap:wrap;gap:.5rem;margin-top:.4rem}
.search input{flex:1 1 12rem;min-width:0;font:inherit;padding:.45rem .7rem;border:2px solid #5b6470;border-radius:.3rem;color:var(--ink);background:#fff}
.search button{font:inherit;padding:.45rem 1.1rem;border:2px solid var(--brand);border-radius:.3rem;background:#fff;color:var(--brand);cursor:pointer}
.search .hint{margin:.4rem 0 0;color:var(--muted)}
.search .status{margin:.4rem 0 0;font-weight:700}
table{border-collapse:collapse;width:100%}
caption{text-align:left;font-weight:700;padding:0 0 .5rem;color:var(--ink)}
.timetable th,.timetable td{border:1px solid var(--line);padding:.55rem .7rem;text-align:left;vertical-align:top}
.timetable thead th{background:var(--brand);color:var(--brand-ink);white-space:nowrap}
.timetable tbody th,.timetable .nw{white-space:nowrap}
.timetable tbody tr:nth-child(even){background:var(--soft)}
.timetable .who{font-weight:700;font-size:1.125rem}
.timetable .wkh th{background:#dfe8f3;color:var(--ink);font-size:1.05rem;border-top:2px solid var(--brand)}
.timetable .kind.out{color:var(--mk);font-weight:700}
.legend{display:flex;flex-wrap:wrap;gap:.5rem 1.25rem;margin:0 0 .75rem;padding:0;list-style:none;color:var(--muted)}
.legend .sw{display:inline-block;width:1.1em;height:1.1em;vertical-align:-.15em;margin-right:.35em;border:1px solid var(--line)}
.sw.duty{background:#e8f0f9;border-left:.25rem solid var(--brand)}
.sw.rest{background:var(--rest)}
.sw.hol{background:var(--hol-bg);border-color:#e9a9ab}
.sw.mk{background:var(--mk-bg);border-color:#e3b66b}
.grid{table-layout:fixed;margin-bottom:1.5rem}
.grid th{background:var(--soft);border:1px solid var(--line);padding:.35rem;font-weight:700}
.grid td{border:1px solid var(--line);padding:.35rem .45rem;vertical-align:top;height:6.5rem;line-height:1.45}
.grid .d{display:block;font-weight:700;font-size:1.125rem}
.grid .rest{background:var(--rest)}
.grid .outside .d{color:var(--muted);font-weight:400}
.grid .blank{background:#fff}
.grid .tag{display:inline-block;margin:.15rem 0;padding:0 .3rem;border-radius:.25rem;font-size:.9rem;line-height:1.5}
.grid .tag.hol{color:var(--hol);background:var(--hol-bg);border:1px solid #e9a9ab}
.grid .tag.mk{color:var(--mk);background:var(--mk-bg);border:1px solid #e3b66b}
.grid ul{list-style:none;margin:.2rem 0 0;padding:0}
.grid li{margin:.15rem 0;padding:.1rem .3rem;border-left:.25rem solid var(--brand);background:#e8f0f9}
.grid li b{display:block}
.grid li small{display:block;font-size:.875rem;color:var(--muted)}
.grid li.match{outline:3px solid var(--focus);background:#fff}
footer{margin-top:2.5rem;border-top:1px solid var(--line)}
footer .wrap{padding-top:1rem;padding-bottom:2rem;color:var(--muted)}
footer p{margin:.2rem 0}
@media screen and (max-width:44rem){
body{font-size:17px}
.wrap{padding:0 .9rem}
h1{font-size:1.45rem}
.timetable thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.timetable,.timetable tbody,.timetable tr,.timetable th,.timetable td{display:block;width:100%}
.timetable caption{display:block}
.timetable tr{border:1px solid var(--line);border-top:.3rem solid var(--brand);border-radius:.35rem;margin:0 0 1rem;padding:.4rem .75rem;background:#fff!important}
.timetable th,.timetable td{border:0;padding:.2rem 0;display:grid;grid-template-columns:5.2rem minmax(0,1fr);gap:.5rem;white-space:normal!important}
.timetable tbody th{font-size:1.125rem}
.timetable tr.wkh{border:0;border-radius:0;margin:1.25rem 0 .5rem;padding:0;background:none!important}
.timetable tr.wkh th{display:block;padding:.35rem .6rem;border-left:.3rem solid var(--brand)}
.timetable [data-label]::before{content:attr(data-label);color:var(--muted);font-weight:400;font-size:1rem}
.grid th{font-size:.95rem;padding:.25rem 0}
.grid td{height:auto;min-height:4rem;padding:.2rem;font-size:.95rem}
.grid .d{font-size:1rem}
.grid li{padding:.05rem .15rem;border-left-width:.2rem}
.grid li small{display:none}
.grid .tag{font-size:.8rem;padding:0 .1rem}
}
@media print{
@page{size:A4 portrait;margin:12mm 12mm 11mm}
body{font:10.5pt/1.5 FangSong,STFangsong,"FangSong_GB2312","Noto Serif CJK SC","Source Han Serif SC",serif;overflow-wrap:normal}
.band{background:none;color:#000}
header .wrap{padding:0 0 2mm}
h1{font:18pt/1.35 "FZXiaoBiaoSong-B05S","方正小标宋简体",STZhongsong,"Noto Serif CJK SC",serif;text-align:center;letter-spacing:0}
.docno{text-align:center;font-size:11pt;margin:1mm 0 0}
.search,.grid-section,footer,.noprint{display:none!important}
.wrap{max-width:none;padding:0}
.doc{margin:0}
.doc p{margin:0 0 .8mm}
.doc .close,.doc .sign{margin-top:2mm}
h2{font-size:11.5pt;margin:2mm 0 1.5mm;padding:0;border:0;text-align:center;break-after:avoid}
caption{font-weight:400;padding:0 0 1mm;text-align:right;font-size:9.5pt}
.timetable{font-size:9pt;line-height:1.2;table-layout:fixed}
.timetable .wk{display:none}
.timetable thead th:nth-child(1){width:11%}
.timetable thead th:nth-child(2){width:4.5%}
.timetable thead th:nth-child(3){width:17%}
.timetable thead th:nth-child(4){width:23%}
.timetable thead th:nth-child(5){width:32.5%}
.timetable thead th:nth-child(6){width:12%}
.timetable thead th:nth-child(7){width:26%}
.timetable.mixed thead th:nth-child(1){width:9.5%}
.timetable.mixed thead th:nth-child(2){width:4%}
.timetable.mixed thead th:nth-child(3){width:5%}
.timetable.mixed thead th:nth-child(4){width:15%}
.timetable.mixed thead th:nth-child(5){width:11%}
.timetable.mixed thead th:nth-child(6){width:22.5%}
.timetable.mixed thead th:nth-child(7){width:7%}
.timetable.mixed thead th:nth-child(8){width:26%}
.timetable .nw{white-space:normal}
.timetable th,.timetable td{padding:.4mm .9mm;border-color:#000}
.timetable .who{font-size:inherit}
.timetable td:not(.nw){overflow-wrap:anywhere}
.timetable.oneplace .pl,.timetable .addr{display:none}
.timetable tbody.nm{break-before:page}
.timetable tbody tr:nth-child(even){background:none}
.timetable tbody tr[hidden]{display:table-row!important}
.timetable tbody.week[hidden]{display:table-row-group!important}
.timetable thead{display:table-header-group}
.timetable thead th{background:#fff;color:#000;border-bottom:1.5pt solid #000}
.timetable .wkh th{background:none;font-size:inherit;border-top:1pt solid #000}
.timetable tr{break-inside:avoid}
.doc.end{break-inside:avoid}
a{color:#000;text-decoration:none}
}
`.trim();
