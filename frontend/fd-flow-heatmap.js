// FlowDesk's flow heatmap (ADR 0032): a read-only bpmn-js NavigatedViewer; the server sends the diagram and, per
// user task, a colour and a label, and per sequence flow the number of times it was taken.
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';

class FdFlowHeatmap extends HTMLElement {
  connectedCallback() {
    if (this.viewer) return;
    this.classList.add('fd-flow-heatmap');
    const canvas = document.createElement('div');
    canvas.className = 'fd-flow-heatmap-canvas';
    this.appendChild(canvas);
    this.viewer = new NavigatedViewer({ container: canvas });
    // a click on a user task drills down to the tickets behind it
    this.viewer.get('eventBus').on('element.click', e => {
      if (e.element && e.element.type === 'bpmn:UserTask') {
        this.dispatchEvent(new CustomEvent('step-click', { detail: { id: e.element.id } }));
      }
    });
    if (this._pending) this.show(...this._pending);
  }

  async show(xml, dataJson) {
    if (!this.viewer) { this._pending = [xml, dataJson]; return; }
    let data = {};
    try { data = JSON.parse(dataJson || '{}'); } catch (e) { data = {}; }
    try {
      await this.viewer.importXML(xml);
    } catch (e) {
      this.setAttribute('data-failed', String(e.message || e));
      return;
    }
    const registry = this.viewer.get('elementRegistry');
    const overlays = this.viewer.get('overlays');
    overlays.clear();
    const steps = data.steps || {};
    registry.filter(el => el.type === 'bpmn:UserTask').forEach(el => {
      const step = steps[el.id];
      const gfx = registry.getGraphics(el);
      const shape = gfx && gfx.querySelector('.djs-visual > rect');
      if (shape) shape.style.fill = step ? step.color : (data.noData || '#eeeeee');
      gfx.setAttribute('data-heat', step ? step.bucket : 'none');
      if (step && step.label) {
        const badge = document.createElement('div');
        badge.className = 'fd-step-time';
        badge.textContent = step.label;
        badge.style.width = el.width + 'px';
        overlays.add(el.id, 'fd-step', { position: { bottom: 20, left: 0 }, html: badge });
      }
    });
    const flows = data.flows || {};
    registry.filter(el => el.type === 'bpmn:SequenceFlow').forEach(el => {
      const taken = flows[el.id];
      const gfx = registry.getGraphics(el);
      if (!taken) {
        gfx.classList.add('fd-flow-untaken');
        return;
      }
      gfx.classList.add('fd-flow-taken');
      const points = el.waypoints;
      // the middle of the longest segment, relative to the connection's bounding box
      let best = 0; let mid = points[0];
      for (let i = 1; i < points.length; i++) {
        const a = points[i - 1]; const b = points[i];
        const length = Math.abs(b.x - a.x) + Math.abs(b.y - a.y);
        if (length > best) { best = length; mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 }; }
      }
      const minX = Math.min(...points.map(p => p.x));
      const minY = Math.min(...points.map(p => p.y));
      const badge = document.createElement('div');
      badge.className = 'fd-flow-count';
      badge.setAttribute('data-flow', el.id);
      badge.textContent = String(taken);
      overlays.add(el.id, 'fd-flow', { position: { left: mid.x - minX - 11, top: mid.y - minY - 11 }, html: badge });
    });
    this.fit();
    this.setAttribute('data-ready', 'true');
    this.dispatchEvent(new CustomEvent('fd-rendered', { bubbles: true }));
  }

  fit() {
    if (!this.viewer) return;
    const canvas = this.viewer.get('canvas');
    canvas.resized();
    canvas.zoom('fit-viewport', 'auto');
  }
}

customElements.define('fd-flow-heatmap', FdFlowHeatmap);
