/**
 * Browser-side: shows a mark's `data-tip` in a small box while the pointer is over it. Charts are
 * complete without it (every number is printed); import it from a page's `<script>`.
 */
export function installChartTips(root: Document = document): void {
  const box = root.createElement('div');
  box.className = 'chart-tip';
  box.setAttribute('role', 'presentation');
  box.hidden = true;
  Object.assign(box.style, {
    position: 'fixed', pointerEvents: 'none', background: '#1b1b1b', color: '#fff', padding: '.25rem .5rem',
    borderRadius: '3px', fontSize: '.875rem', maxWidth: '16rem', zIndex: '10',
  });
  root.body.append(box);
  root.addEventListener('pointerover', (e) => {
    const mark = (e.target as Element | null)?.closest?.('svg.chart [data-tip]');
    if (!mark) return void (box.hidden = true);
    box.textContent = mark.getAttribute('data-tip');
    box.hidden = false;
  });
  root.addEventListener('pointermove', (e) => {
    if (box.hidden) return;
    const x = Math.min(e.clientX + 12, root.documentElement.clientWidth - box.offsetWidth - 4);
    box.style.left = `${Math.max(4, x)}px`;
    box.style.top = `${e.clientY + 14}px`;
  });
}
