'use client';
import { monthlyReport } from '@/lib/reports';

export function ReportButton() {
  return <button onClick={() => monthlyReport().then((r) => alert(r.total))}>Report</button>;
}
