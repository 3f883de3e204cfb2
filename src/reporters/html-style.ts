/** Inline stylesheet of the HTML report: no external fonts or assets, so the file works offline. */
export const CSS = `
:root{--bg:#f6f7f9;--card:#fff;--ink:#1b1f24;--muted:#5b6470;--line:#e3e6ea;--crit:#b42318;--high:#d9480f;--med:#b7791f;--low:#2b6cb0;--info:#6b7280;--ok:#2f855a;--err:#7c3aed;--accent:#fd366e}
*{box-sizing:border-box}body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:var(--bg);color:var(--ink)}
header{background:#19191d;color:#fff;padding:20px 32px;display:flex;align-items:center;gap:24px;flex-wrap:wrap}
header h1{font-size:20px;margin:0;font-weight:600}header .sub{color:#b8bcc4;font-size:13px}
.brand{display:inline-block;width:10px;height:10px;border-radius:50%;background:var(--accent);margin-right:8px}
main{max-width:1240px;margin:0 auto;padding:24px 32px 64px}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:12px;margin-bottom:20px}
.card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:14px 16px}
.card .n{font-size:26px;font-weight:700}.card .l{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.04em}
.score{display:flex;align-items:center;gap:16px}
.gauge{--p:0;width:84px;height:84px;border-radius:50%;background:conic-gradient(var(--c) calc(var(--p)*1%),#2c2f36 0);display:grid;place-items:center}
.gauge span{width:64px;height:64px;border-radius:50%;background:#19191d;display:grid;place-items:center;font-weight:700;font-size:20px}
.decision{font-weight:700;padding:4px 10px;border-radius:999px;font-size:12px;letter-spacing:.04em}
.decision.pass{background:#e6f4ea;color:var(--ok)}.decision.fail,.decision.blocked{background:#fde8e7;color:var(--crit)}
section{background:var(--card);border:1px solid var(--line);border-radius:10px;margin-bottom:20px;overflow:hidden}
section h2{font-size:15px;margin:0;padding:14px 16px;border-bottom:1px solid var(--line);display:flex;justify-content:space-between;align-items:center}
table{width:100%;border-collapse:collapse}th,td{text-align:left;padding:8px 12px;border-bottom:1px solid var(--line);vertical-align:top}
th{font-size:12px;color:var(--muted);font-weight:600;background:#fafbfc;position:sticky;top:0}
tr.finding{cursor:pointer}tr.finding:hover{background:#fafbfc}tr.detail td{background:#fbfbfd;color:var(--muted)}
.badge{display:inline-block;font-size:11px;font-weight:700;padding:2px 8px;border-radius:999px;color:#fff;text-transform:uppercase;letter-spacing:.03em}
.sev-critical{background:var(--crit)}.sev-high{background:var(--high)}.sev-medium{background:var(--med)}.sev-low{background:var(--low)}.sev-info{background:var(--info)}
.st{font-size:12px;font-weight:600}.st-fail{color:var(--crit)}.st-error{color:var(--err)}.st-excepted{color:var(--med)}.st-pass{color:var(--ok)}.st-skipped{color:var(--info)}
.cs-met{color:var(--ok);font-weight:600}.cs-partial{color:var(--med);font-weight:600}.cs-missing{color:var(--crit);font-weight:700}.cs-not-applicable{color:var(--info)}
.filters{display:flex;gap:8px;flex-wrap:wrap;padding:12px 16px;border-bottom:1px solid var(--line);background:#fafbfc}
.filters select,.filters input{font:inherit;padding:6px 8px;border:1px solid var(--line);border-radius:6px;background:#fff}
.filters input{flex:1;min-width:200px}code{font:12px ui-monospace,SFMono-Regular,Menlo,monospace;background:#f1f3f5;padding:1px 4px;border-radius:4px}
.loc{color:var(--muted);font-size:12px}.empty{padding:24px;text-align:center;color:var(--muted)}.count{color:var(--muted);font-weight:400;font-size:12px}
svg.trend{width:100%;height:180px;display:block}
footer{color:var(--muted);font-size:12px;text-align:center;margin-top:24px}
`;
