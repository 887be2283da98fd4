// FlowDesk's process designer canvas: bpmn-js with a palette, context pad and replace menu cut down to what
// FlowDesk runs. The server (a Vaadin view) owns properties and lint; this element reports changes and
// selection and applies the server's edits through bpmn-js commands, so undo/redo covers them.
import Modeler from 'bpmn-js/lib/Modeler';
import minimapModule from 'diagram-js-minimap';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import 'diagram-js-minimap/assets/diagram-js-minimap.css';

const FLOWABLE = {
  name: 'Flowable', prefix: 'flowable', uri: 'http://flowable.org/bpmn', xml: { tagAlias: 'lowerCase' },
  associations: [],
  types: [
    { name: 'UserTaskProps', isAbstract: true, extends: ['bpmn:UserTask'],
      properties: [{ name: 'formKey', isAttr: true, type: 'String' },
        { name: 'candidateGroups', isAttr: true, type: 'String' }] },
    { name: 'ServiceTaskProps', isAbstract: true, extends: ['bpmn:ServiceTask'],
      properties: [{ name: 'delegateExpression', isAttr: true, type: 'String' }] },
    { name: 'Field', superClass: ['Element'],
      properties: [{ name: 'name', isAttr: true, type: 'String' }, { name: 'stringValue', isAttr: true, type: 'String' }] }
  ]
};

const FLOWDESK = {
  name: 'FlowDesk', prefix: 'flowdesk', uri: 'https://flowdesk.io/schema/bpmn', xml: { tagAlias: 'lowerCase' },
  associations: [],
  types: [
    { name: 'Named', isAbstract: true, extends: ['bpmn:FlowElement', 'bpmn:Process'],
      properties: [{ name: 'nameEn', isAttr: true, type: 'String' }] },
    { name: 'Status', isAbstract: true, extends: ['bpmn:UserTask', 'bpmn:EndEvent'],
      properties: [{ name: 'ticketStatus', isAttr: true, type: 'String' }] },
    // routing and the step's SLA target (validated by the publish gate)
    { name: 'Routing', isAbstract: true, extends: ['bpmn:UserTask'],
      properties: [{ name: 'assignment', isAttr: true, type: 'String' },
        { name: 'skills', isAttr: true, type: 'String' },
        { name: 'targetMinutes', isAttr: true, type: 'String' }] }
  ]
};

const KEEP_PALETTE = new Set(['hand-tool', 'lasso-tool', 'space-tool', 'global-connect-tool', 'tool-separator',
  'create.start-event', 'create.end-event', 'create.exclusive-gateway']);
const KEEP_CONTEXT = new Set(['delete', 'connect', 'replace', 'append.end-event', 'append.gateway',
  'append.text-annotation']);
const KEEP_REPLACE = new Set(['replace-with-user-task', 'replace-with-service-task', 'replace-with-none-start',
  'replace-with-none-end', 'replace-with-exclusive-gateway', 'replace-with-parallel-gateway',
  'replace-with-timer-intermediate-catch', 'replace-with-timer-boundary', 'replace-with-non-interrupting-timer-boundary',
  'replace-with-sequence-flow', 'replace-with-default-flow', 'replace-with-conditional-flow']);

function t(zh, en) {
  return (document.documentElement.lang || 'zh-CN').startsWith('zh') ? zh : en;
}

/** Palette, context pad and replace menu: only what FlowDesk's runtime supports. */
function FlowDeskTools(palette, contextPad, popupMenu, create, elementFactory, bpmnFactory, autoPlace) {
  const shape = (type, attrs, extra) => {
    const bo = bpmnFactory.create(type, attrs || {});
    if (extra) extra(bo);
    return elementFactory.createShape({ type, businessObject: bo });
  };
  const userTask = () => shape('bpmn:UserTask', { name: t('新步骤', 'New step') });
  const service = (id, zh, en) => () => shape('bpmn:ServiceTask', { name: t(zh, en), 'flowable:delegateExpression': '${' + id + '}' });
  const timer = () => shape('bpmn:IntermediateCatchEvent', { name: t('等待', 'Wait') }, bo => {
    const definition = bpmnFactory.create('bpmn:TimerEventDefinition', {
      timeDuration: bpmnFactory.create('bpmn:FormalExpression', { body: 'PT4H' }) });
    definition.$parent = bo;
    bo.eventDefinitions = [definition];
  });
  const entry = (group, className, title, make, id) => {
    const start = event => create.start(event, make());
    return { group, className, title, id, action: { dragstart: start, click: start } };
  };
  const added = {
    'create.user-task': entry('activity', 'bpmn-icon-user-task', t('用户任务（表单 + 部门）', 'User task (form + department)'), userTask),
    'create.service-notify': entry('activity', 'bpmn-icon-send-task fd-service-notify', t('服务任务：通知', 'Service task: notify'),
      service('fdNotify', '通知', 'Notify')),
    'create.service-set-field': entry('activity', 'bpmn-icon-business-rule-task fd-service-set', t('服务任务：设置字段', 'Service task: set field'),
      service('fdSetField', '设置字段', 'Set field')),
    'create.service-assign': entry('activity', 'bpmn-icon-manual-task fd-service-assign', t('服务任务：分派', 'Service task: assign'),
      service('fdAssign', '分派', 'Assign')),
    'create.parallel-gateway': entry('gateway', 'bpmn-icon-gateway-parallel', t('并行网关', 'Parallel gateway'),
      () => shape('bpmn:ParallelGateway')),
    'create.timer': entry('event', 'bpmn-icon-intermediate-event-catch-timer',
      t('定时器（拖到任务边缘成为边界定时器）', 'Timer (drop on a task border for a boundary timer)'), timer)
  };
  palette.registerProvider(500, {
    getPaletteEntries() {
      return entries => {
        Object.keys(entries).forEach(key => { if (!KEEP_PALETTE.has(key)) delete entries[key]; });
        return Object.assign(entries, added);
      };
    }
  });
  contextPad.registerProvider(500, {
    getContextPadEntries(element) {
      return entries => {
        Object.keys(entries).forEach(key => { if (!KEEP_CONTEXT.has(key)) delete entries[key]; });
        if (!element.type.endsWith('EndEvent') && element.type !== 'bpmn:SequenceFlow') {
          entries['append.user-task'] = {
            group: 'model', className: 'bpmn-icon-user-task', title: t('追加用户任务', 'Append user task'),
            action: { click: (event, el) => autoPlace.append(el, userTask()), dragstart: (event) => create.start(event, userTask(), { source: element }) }
          };
        }
        return entries;
      };
    }
  });
  popupMenu.registerProvider('bpmn-replace', 500, {
    getPopupMenuEntries() {
      return entries => {
        Object.keys(entries).forEach(key => { if (!KEEP_REPLACE.has(key)) delete entries[key]; });
        return entries;
      };
    },
    getPopupMenuHeaderEntries() {
      return () => ({});
    }
  });
}
FlowDeskTools.$inject = ['palette', 'contextPad', 'popupMenu', 'create', 'elementFactory', 'bpmnFactory', 'autoPlace'];

/** bpmn-js's translate service over the catalogue's words (attribute "translations": English template → text). */
function translateModule(words) {
  const translate = (template, replacements) => {
    const text = words[template] || template;
    return text.replace(/{([^}]+)}/g, (_, key) => (replacements && replacements[key] !== undefined ? replacements[key] : '{' + key + '}'));
  };
  return { translate: ['value', translate] };
}

/** True while the user types in a field outside the canvas (the property panel): keys belong to that field. */
function typingElsewhere(event) {
  const path = event.composedPath ? event.composedPath() : [event.target];
  return path.some(node => node instanceof HTMLElement && (node.isContentEditable
    || ['INPUT', 'TEXTAREA', 'SELECT'].includes(node.tagName)
    || /^vaadin-(text-field|text-area|number-field|integer-field|combo-box|select|big-decimal-field)$/.test(node.localName)));
}

class FdBpmnDesigner extends HTMLElement {
  connectedCallback() {
    if (this.modeler) { document.addEventListener('keydown', this._keys); return; }
    this.classList.add('fd-bpmn-designer');
    const canvas = document.createElement('div');
    canvas.className = 'fd-bpmn-canvas';
    this.appendChild(canvas);
    let words = {};
    try { words = JSON.parse(this.getAttribute('translations') || '{}'); } catch (e) { words = {}; }
    // diagram-js 15+ binds the keyboard implicitly to the focused canvas (bindTo was removed, diagram-js#661)
    this.modeler = new Modeler({
      container: canvas,
      additionalModules: [minimapModule, translateModule(words),
        { __init__: ['flowDeskTools'], flowDeskTools: ['type', FlowDeskTools] }]
      ,
      moddleExtensions: { flowable: FLOWABLE, flowdesk: FLOWDESK }
    });
    // before the canvas has focus (right after load), undo/redo still work unless a text field has the keys
    this._keys = event => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || typingElsewhere(event)) return;
      if (this.modeler.get('canvas').isFocused && this.modeler.get('canvas').isFocused()) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) { event.preventDefault(); this.undo(); }
      else if (key === 'y' || (key === 'z' && event.shiftKey)) { event.preventDefault(); this.redo(); }
    };
    document.addEventListener('keydown', this._keys);
    const bus = this.modeler.get('eventBus');
    // palette entries carry their (translated) title as a tooltip
    const palette = this.modeler.get('palette');
    const titles = () => {
      const entries = palette.getEntries();
      this.querySelectorAll('.djs-palette .entry').forEach(el => {
        const entry = entries[el.getAttribute('data-action')];
        if (entry && entry.title) el.setAttribute('title', entry.title);
      });
    };
    bus.on(['palette.changed', 'palette.create', 'import.done'], () => setTimeout(titles, 0));
    bus.on('commandStack.changed', () => this._changed());
    bus.on('selection.changed', e => this._selected(e.newSelection));
    if (this._pendingXml) this.importXml(this._pendingXml);
  }

  async importXml(xml) {
    if (!this.modeler) { this._pendingXml = xml; return; }
    this._importing = true;
    try {
      const result = await this.modeler.importXML(xml);
      this.fit();
      this._fire('fd-imported', { warnings: (result.warnings || []).length });
    } catch (e) {
      this._fire('fd-import-failed', { message: String(e.message || e) });
    } finally {
      this._importing = false;
    }
  }

  _changed() {
    if (this._importing) return;
    clearTimeout(this._timer);
    this._pending = true;
    this._timer = setTimeout(() => this.flush(), 400);
  }

  /** Flushes a pending change at once (Save button, tests). */
  async flush() {
    clearTimeout(this._timer);
    this._pending = false;
    const { xml } = await this.modeler.saveXML({ format: true });
    this._fire('fd-change', { xml });
  }

  async _selected(selection) {
    const element = selection && selection.length === 1 ? selection[0] : null;
    // the server must know the element before it shows its properties: send pending changes first
    if (this._pending) await this.flush();
    this._fire('fd-select', { id: element ? element.businessObject.id : '', type: element ? element.type : '' });
  }

  _fire(name, detail) {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true }));
  }

  _element(id) {
    return this.modeler.get('elementRegistry').get(id);
  }

  select(id) {
    const element = this._element(id);
    if (!element) return;
    const canvas = this.modeler.get('canvas');
    if (this._focused) canvas.removeMarker(this._focused, 'fd-focus');
    this.modeler.get('selection').select(element);
    canvas.addMarker(element, 'fd-focus');
    this._focused = element;
    canvas.scrollToElement(element, { top: 120, bottom: 120, left: 200, right: 200 });
    // re-selecting the selected element fires no selection.changed: tell the server anyway
    this._selected([element]);
  }

  setProblems(ids) {
    ids = typeof ids === 'string' ? JSON.parse(ids) : ids;
    const canvas = this.modeler.get('canvas');
    (this._problems || []).forEach(el => canvas.removeMarker(el, 'fd-problem'));
    this._problems = ids.map(id => this._element(id)).filter(Boolean);
    this._problems.forEach(el => canvas.addMarker(el, 'fd-problem'));
  }

  setProps(id, props) {
    props = typeof props === 'string' ? JSON.parse(props) : props;
    const element = this._element(id);
    if (!element) return;
    const update = {};
    Object.keys(props).forEach(k => { update[k] = props[k] === null || props[k] === '' ? undefined : props[k]; });
    this.modeler.get('modeling').updateProperties(element, update);
  }

  setCondition(flowId, text) {
    const element = this._element(flowId);
    if (!element) return;
    const moddle = this.modeler.get('moddle');
    this.modeler.get('modeling').updateProperties(element, {
      conditionExpression: text ? moddle.create('bpmn:FormalExpression', { body: text }) : undefined });
  }

  setDefault(gatewayId, flowId) {
    const gateway = this._element(gatewayId);
    const flow = flowId ? this._element(flowId) : null;
    if (!gateway) return;
    this.modeler.get('modeling').updateProperties(gateway, { default: flow ? flow.businessObject : undefined });
  }

  setServiceFields(id, fields) {
    fields = typeof fields === 'string' ? JSON.parse(fields) : fields;
    const element = this._element(id);
    if (!element) return;
    const moddle = this.modeler.get('moddle');
    const values = Object.keys(fields).filter(k => fields[k] !== null && fields[k] !== '')
      .map(k => moddle.create('flowable:Field', { name: k, stringValue: String(fields[k]) }));
    this.modeler.get('modeling').updateProperties(element, {
      extensionElements: values.length ? moddle.create('bpmn:ExtensionElements', { values }) : undefined });
  }

  setTimer(id, duration) {
    const element = this._element(id);
    if (!element) return;
    const definition = (element.businessObject.eventDefinitions || [])[0];
    if (!definition) return;
    const moddle = this.modeler.get('moddle');
    this.modeler.get('modeling').updateModdleProperties(element, definition, {
      timeDuration: moddle.create('bpmn:FormalExpression', { body: duration }) });
  }

  /** Fits the diagram with room on the left for the palette, so the start event is not hidden under it. */
  fit() {
    const canvas = this.modeler.get('canvas');
    canvas.zoom('fit-viewport', 'auto');
    const palette = this.querySelector('.djs-palette');
    const left = (palette ? palette.getBoundingClientRect().width : 100) + 24;
    const box = canvas.viewbox();
    const size = canvas.getSize();
    if (!size.width || !box.inner.width) return;
    const scale = Math.min((size.width - left - 24) / box.inner.width, (size.height - 48) / box.inner.height, 1);
    canvas.viewbox({ x: box.inner.x - left / scale, y: box.inner.y - 24 / scale,
      width: size.width / scale, height: size.height / scale });
  }

  undo() { this.modeler.get('commandStack').undo(); }
  redo() { this.modeler.get('commandStack').redo(); }
  zoom(how) {
    const canvas = this.modeler.get('canvas');
    if (how === 'fit') this.fit();
    else canvas.zoom(canvas.zoom() * (how === 'in' ? 1.2 : 1 / 1.2));
  }
  disconnectedCallback() {
    if (this._keys) document.removeEventListener('keydown', this._keys);
  }

  toggleMinimap() { this.modeler.get('minimap').toggle(); }
}

customElements.define('fd-bpmn-designer', FdBpmnDesigner);
