// FlowDesk's diagram diff (ADR 0049): one read-only bpmn-js NavigatedViewer per version; the server sends the
// diagram and, per element to mark, its change (added, removed, changed), a title and the detail lines that a
// hover shows. Colours are set on the shapes themselves (as the flow heatmap does) so they print and screenshot.
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';

const COLOURS = {
  added: { stroke: '#2e7d32', fill: '#e8f5e9' },
  removed: { stroke: '#c62828', fill: '#ffebee' },
  changed: { stroke: '#ef8f00', fill: '#fff3e0' },
};

class FdBpmnDiff extends HTMLElement {
  connectedCallback() {
    if (this.viewer) return;
    this.classList.add('fd-bpmn-diff');
    const canvas = document.createElement('div');
    canvas.className = 'fd-bpmn-diff-canvas';
    this.appendChild(canvas);
    this.tip = document.createElement('div');
    this.tip.className = 'fd-diff-tip';
    this.tip.setAttribute('role', 'tooltip');
    this.tip.hidden = true;
    this.appendChild(this.tip);
    this.viewer = new NavigatedViewer({ container: canvas });
    const bus = this.viewer.get('eventBus');
    bus.on('element.hover', e => this.hover(e.element, e.originalEvent));
    bus.on('element.out', () => this.hideTip());
    if (this._pending) this.show(...this._pending);
  }

  async show(xml, marksJson) {
    if (!this.viewer) { this._pending = [xml, marksJson]; return; }
    this.removeAttribute('data-ready');
    try { this.marks = JSON.parse(marksJson || '{}'); } catch (e) { this.marks = {}; }
    try {
      await this.viewer.importXML(xml);
    } catch (e) {
      this.setAttribute('data-failed', String(e.message || e));
      return;
    }
    const registry = this.viewer.get('elementRegistry');
    const canvas = this.viewer.get('canvas');
    Object.entries(this.marks).forEach(([id, mark]) => {
      const el = registry.get(id);
      if (!el) return;
      const gfx = registry.getGraphics(el);
      const colour = COLOURS[mark.change];
      canvas.addMarker(id, 'fd-diff-' + mark.change);
      gfx.setAttribute('data-diff', mark.change);
      gfx.querySelectorAll('.djs-visual > :not(text)').forEach((shape, i) => {
        shape.style.stroke = colour.stroke;
        shape.style.strokeWidth = el.waypoints ? '3px' : '3px';
        if (!el.waypoints && i === 0) shape.style.fill = colour.fill;
      });
      const label = el.label && registry.getGraphics(el.label);
      if (label) label.setAttribute('data-diff', mark.change);
    });
    this.fit();
    this.setAttribute('data-ready', 'true');
    this.dispatchEvent(new CustomEvent('fd-rendered', { bubbles: true }));
  }

  hover(element, event) {
    const target = element && (element.labelTarget || element);
    const mark = target && this.marks && this.marks[target.id];
    if (!mark) { this.hideTip(); return; }
    this.tip.replaceChildren();
    const title = document.createElement('div');
    title.className = 'fd-diff-tip-title fd-diff-tip-' + mark.change;
    title.textContent = mark.title;
    this.tip.appendChild(title);
    (mark.lines || []).forEach(line => {
      const row = document.createElement('div');
      row.textContent = line;
      this.tip.appendChild(row);
    });
    this.tip.setAttribute('data-element', target.id);
    const box = this.getBoundingClientRect();
    const x = event && event.clientX !== undefined ? event.clientX - box.left : 10;
    const y = event && event.clientY !== undefined ? event.clientY - box.top : 10;
    this.tip.style.left = Math.max(4, Math.min(x + 12, box.width - 260)) + 'px';
    this.tip.style.top = Math.max(4, y + 12) + 'px';
    this.tip.hidden = false;
  }

  hideTip() {
    if (this.tip) { this.tip.hidden = true; this.tip.removeAttribute('data-element'); }
  }

  fit() {
    if (!this.viewer) return;
    const canvas = this.viewer.get('canvas');
    canvas.resized();
    canvas.zoom('fit-viewport', 'auto');
  }
}

customElements.define('fd-bpmn-diff', FdBpmnDiff);
