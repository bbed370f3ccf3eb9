"""The report's inline CSS and script (kept apart from the code that writes the page)."""

STYLE = """
:root{color-scheme:light dark;--bg:#fdfcf9;--fg:#1d1f21;--dim:#8a8a8a;--line:#d8d4cc;
--h0:#fde9a9;--h1:#cfe8fb;--h2:#d9f2d0;--h3:#f6d5ec;--h4:#e2dcfb;--h5:#fbdcc8;
--sel:#1d1f21;--only:#fff4e6;--diff:#b00020;--head:#f3f0ea}
@media (prefers-color-scheme:dark){:root{--bg:#17191c;--fg:#e4e2dd;--dim:#8c8c8c;--line:#3a3d42;
--h0:#4b4222;--h1:#213b52;--h2:#264226;--h3:#4a2842;--h4:#342d55;--h5:#4d3222;
--sel:#f2efe9;--only:#2b2620;--diff:#ff7a8a;--head:#202328}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.55 system-ui,-apple-system,
"Segoe UI",sans-serif;height:100vh;display:flex;flex-direction:column}
header{padding:.8rem 1.2rem;background:var(--head);border-bottom:1px solid var(--line)}
h1{font-size:1.15rem;margin:0 0 .5rem}h1 .vs{color:var(--dim)}
h2{font-size:1rem;margin:0 0 .2rem}
.summary{display:flex;flex-wrap:wrap;gap:.4rem 1.6rem;margin:0}
.summary div{display:flex;gap:.4rem;align-items:baseline}.summary dt{color:var(--dim)}
.summary dd{margin:0}.legend{margin:.5rem 0 0;font-size:.85rem;color:var(--dim)}
.why{margin:.25rem 0 0;font-size:.85rem;min-height:1.2em}
.legend>span,.legend>mark{padding:0 .3rem;color:var(--fg)}
kbd{border:1px solid var(--line);border-radius:3px;padding:0 .25rem;font-size:.8rem}
.panes{flex:1;min-height:0;display:grid;grid-template-columns:1fr 1fr minmax(16rem,22rem)}
.pane,aside{overflow:auto;padding:.6rem 1.2rem 3rem;border-right:1px solid var(--line)}
aside{font-size:.9rem;padding-top:.2rem}
.pane h2{position:sticky;top:-.6rem;z-index:1;background:var(--bg);padding:.3rem 0;
margin-top:-.3rem;border-bottom:1px solid var(--line)}
.source{margin:0 0 .8rem;color:var(--dim);font-size:.85rem;overflow-wrap:anywhere}
.doc p{margin:0 0 .7rem;white-space:pre-wrap;overflow-wrap:break-word;
content-visibility:auto;contain-intrinsic-size:auto 3lh}
.m{border-bottom:1px solid var(--dim);cursor:pointer;border-radius:2px}
.h0{background:var(--h0)}.h1{background:var(--h1)}.h2{background:var(--h2)}
.h3{background:var(--h3)}.h4{background:var(--h4)}.h5{background:var(--h5)}
.m.sel{outline:2px solid var(--sel);border-bottom:2px solid var(--sel)}
.u{background:var(--only);text-decoration:underline dotted var(--dim);text-underline-offset:3px}
.u0::before{content:"\\25C7\\00A0";font-weight:bold;color:var(--dim)}
mark.d{background:none;color:inherit;font-weight:600;text-decoration:underline wavy var(--diff);
text-underline-offset:3px}
mark.d::after{content:"\\2260";color:var(--diff);font-size:.8em;vertical-align:super;
padding-left:1px}
.b{color:var(--dim)}
aside h2{margin-top:.8rem}
table{border-collapse:collapse;font-size:.85rem;width:100%}
th,td{text-align:left;padding:.2rem .7rem .2rem 0;border-bottom:1px solid var(--line);
vertical-align:top}td.n{text-align:right}
@media (max-width:1000px){body{height:auto;display:block}
.panes{display:block}.pane,aside{max-height:75vh;border-right:0;border-bottom:1px solid
var(--line)}}
@media print{body{background:#fff;color:#000;font-size:10pt;height:auto;display:block}
header{background:none}.panes{display:grid;grid-template-columns:1fr 1fr}
aside{grid-column:1/3}
.pane,aside{overflow:visible;max-height:none}.pane h2{position:static}
.doc p{content-visibility:visible}
.legend kbd,.legend{display:none}
.m{-webkit-print-color-adjust:exact;print-color-adjust:exact}
.u{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
"""

# One listener each for clicks and keys, whatever the size of the texts (event delegation).
SCRIPT = r"""
(function(){
var cur=null;
function marks(id){return document.querySelectorAll('[data-match="'+id+'"]');}
function select(id,from){
  if(cur!==null){marks(cur).forEach(function(e){e.classList.remove('sel');});}
  cur=id;var all=marks(id);all.forEach(function(e){e.classList.add('sel');});
  if(all.length)document.getElementById('why').textContent=all[0].title;
  ['left','right'].forEach(function(side){
    var pane=document.getElementById(side);
    if(from&&pane.contains(from))return;
    var first=pane.querySelector('[data-match="'+id+'"]');
    if(!first)return;
    // Scroll the pane only (scrollIntoView would move the page too).
    var top=first.getBoundingClientRect().top-pane.getBoundingClientRect().top;
    pane.scrollTop+=top-pane.clientHeight/3;
  });
}
document.addEventListener('click',function(ev){
  var go=ev.target.closest('[data-go]');
  if(go){ev.preventDefault();select(go.getAttribute('data-go'),null);return;}
  var m=ev.target.closest('[data-match]');
  if(m)select(m.getAttribute('data-match'),m);
});
document.addEventListener('mouseover',function(ev){
  var m=ev.target.closest('[data-match]');
  if(m&&!m.title)m.title=marks(m.getAttribute('data-match'))[0].title;
});
var ids=null;
document.addEventListener('keydown',function(ev){
  if(ev.target.closest('input,textarea')||ev.ctrlKey||ev.metaKey||ev.altKey)return;
  if(ev.key!=='n'&&ev.key!=='p')return;
  if(ids===null){var seen={};ids=[];
    document.getElementById('left').querySelectorAll('[data-match]').forEach(function(e){
      var id=e.getAttribute('data-match');if(!seen[id]){seen[id]=1;ids.push(id);}});}
  if(!ids.length)return;
  var i=ids.indexOf(cur);
  i=ev.key==='n'?(i+1)%ids.length:(i<=0?ids.length-1:i-1);
  select(ids[i],null);
});
var m=/^#m(\d+)$/.exec(location.hash);
if(m)select(m[1],null);
})();
"""
