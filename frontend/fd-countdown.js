// A deadline, counted down in the browser every 30 s. The server's clock is the truth (tests move it): the element
// takes the server's "now" at render and keeps the offset to the browser's clock. Texts come from the server's
// catalogue (attribute "texts": {left, overdue, paused, met, hm, m, dh, at}); the tooltip shows the exact due instant
// in the browser's own time zone.
class FdCountdown extends HTMLElement {
  static get observedAttributes() { return ['due', 'now', 'state', 'remaining', 'texts', 'mode', 'label', 'lang']; }

  connectedCallback() {
    this._render();
    this._timer = setInterval(() => this._render(), 30000);
  }

  disconnectedCallback() { clearInterval(this._timer); }

  attributeChangedCallback() {
    this._offset = undefined;
    if (this.isConnected) this._render();
  }

  _texts() {
    try { return JSON.parse(this.getAttribute('texts') || '{}'); } catch (e) { return {}; }
  }

  _fill(pattern, ...values) {
    return (pattern || '').replace(/\{(\d)\}/g, (_, i) => values[Number(i)]);
  }

  _span(minutes, t) {
    const m = Math.max(0, Math.round(minutes));
    if (m >= 1440) return this._fill(t.dh, Math.floor(m / 1440), Math.floor((m % 1440) / 60));
    if (m >= 60) return this._fill(t.hm, Math.floor(m / 60), m % 60);
    return this._fill(t.m, m);
  }

  _render() {
    const t = this._texts();
    const due = Number(this.getAttribute('due'));
    if (this._offset === undefined) {
      const serverNow = Number(this.getAttribute('now'));
      this._offset = serverNow ? serverNow - Date.now() : 0;
    }
    // the server says the reader's language; the page's lang attribute may lag behind a language switch
    const lang = this.getAttribute('lang') || document.documentElement.lang || 'zh-CN';
    // dateStyle/timeStyle cannot be combined with timeZoneName: name the fields
    const fields = { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' };
    const exact = due ? new Intl.DateTimeFormat(lang, Object.assign({ timeZoneName: 'short' }, fields))
      .format(new Date(due)) : '';
    if (this.getAttribute('mode') === 'at') {
      this.textContent = due ? new Intl.DateTimeFormat(lang, fields).format(new Date(due)) : '';
      this.title = exact;
      return;
    }
    const state = this.getAttribute('state') || 'ON_TRACK';
    const left = (due - (Date.now() + this._offset)) / 60000;
    let text;
    if (state === 'MET') text = t.met;
    else if (state === 'PAUSED') {
      const remaining = this.getAttribute('remaining');
      text = this._fill(t.paused, remaining === null || remaining === '' ? '' : this._span(Number(remaining), t));
    } else if (left < 0) text = this._fill(t.overdue, this._span(-left, t));
    else text = this._fill(t.left, this._span(left, t));
    this.textContent = text;
    this.setAttribute('data-overdue', String(state !== 'MET' && state !== 'PAUSED' && left < 0));
    const label = this.getAttribute('label');
    this.title = (label || '') + (label && exact ? ' · ' : '') + (exact ? this._fill(t.at, exact) : '');
  }
}

if (!customElements.get('fd-countdown')) customElements.define('fd-countdown', FdCountdown);
