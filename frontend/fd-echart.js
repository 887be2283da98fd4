// FlowDesk's chart element: Apache ECharts (npm, Apache-2.0) in a plain light-DOM custom element. The server sends
// the whole ECharts option as JSON (setOption); a click on a data item is sent back as a 'chart-click' event
// {series, name, index} so every chart can drill down to the tickets behind it. SVG rendering keeps the labels in
// the DOM (readable by screen readers and browser tests).
import * as echarts from 'echarts';

class FdEchart extends HTMLElement {
  connectedCallback() {
    if (this.chart) return;
    this.classList.add('fd-echart');
    if (!this.style.display) this.style.display = 'block';
    this.chart = echarts.init(this, null, { renderer: 'svg' });
    this.chart.on('click', p => {
      this.dispatchEvent(new CustomEvent('chart-click', {
        detail: { series: String(p.seriesName ?? ''), name: String(p.name ?? ''), index: p.dataIndex ?? -1 }
      }));
    });
    this._resize = new ResizeObserver(() => this.chart && this.chart.resize());
    this._resize.observe(this);
    if (this._pending !== undefined) this.setOption(this._pending);
  }

  disconnectedCallback() {
    if (this._resize) this._resize.disconnect();
    if (this.chart) this.chart.dispose();
    this.chart = null;
  }

  setOption(json) {
    if (!this.chart) { this._pending = json; return; }
    let option;
    try { option = JSON.parse(json || '{}'); } catch (e) { this.setAttribute('data-failed', String(e.message || e)); return; }
    this.chart.setOption(option, true);
    this.setAttribute('data-ready', '');
  }
}

if (!customElements.get('fd-echart')) customElements.define('fd-echart', FdEchart);
