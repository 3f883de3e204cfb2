/**
 * The report's only script: filters and search over server-rendered rows (the report reads fine without
 * it). Kept as plain ES2017 so every browser a security lead uses runs it.
 */
export const SCRIPT = `
(function(){
  var body=document.getElementById('findings-body'); if(!body) return;
  var rows=[].slice.call(body.querySelectorAll('tr.finding'));
  var sev=document.getElementById('f-severity'), area=document.getElementById('f-area'), st=document.getElementById('f-status'), q=document.getElementById('f-search');
  var count=document.getElementById('shown-count'), none=document.getElementById('no-match');
  function apply(){
    var s=sev.value, a=area.value, t=st.value, text=q.value.trim().toLowerCase(), n=0;
    rows.forEach(function(r){
      var d=r.dataset, status=d.status;
      var ok=(!s||d.severity===s)&&(!a||d.area===a)&&(t?status===t:(status==='fail'||status==='error'||status==='excepted'))&&(!text||d.search.indexOf(text)!==-1);
      r.hidden=!ok; var det=body.querySelector('tr.detail[data-for="'+d.i+'"]'); if(!ok&&det) det.hidden=true;
      if(ok) n++;
    });
    count.textContent=n+' shown of '+rows.length;
    none.hidden=n!==0;
  }
  [sev,area,st].forEach(function(e){e.addEventListener('change',apply);});
  q.addEventListener('input',apply);
  body.addEventListener('click',function(ev){
    var tr=ev.target.closest('tr.finding'); if(!tr) return;
    var det=body.querySelector('tr.detail[data-for="'+tr.dataset.i+'"]'); if(det) det.hidden=!det.hidden;
  });
  apply();
})();
`;
