import { css, html, LitElement, nothing } from 'lit';
import { FINDER_QUERY } from './finder-query';

declare const FINDER_QUERY_HASH: string;

interface Credential { id: string; title: string; creditValue: number; workloadHours: number; deliveryMode: string }
interface Pathway {
  id: string;
  title: string;
  description: string | null;
  version: number;
  destinations: { title: string; socCode: string; medianAnnualWage: number | null; wageYear: number | null }[];
  stages: { title: string; position: number; credentials: Credential[] }[];
  partners: { role: string; employer: { name: string } }[];
}
interface Agreement {
  blockPathway: { id: string } | null;
  degreeProgram: { title: string; awardLevel: string; totalCredits: number; institution: { name: string } };
  mappings: { credits: number; credential: { id: string } }[];
}
interface FinderData { pathways: { nodes: Pathway[] }; articulationAgreements: { nodes: Agreement[] } }

const MODES: Record<string, string> = { IN_PERSON: 'In person', ONLINE: 'Online', HYBRID: 'Hybrid', WORK_BASED: 'Work-based' };
const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });

/**
 * `<pathway-finder institution="…" occupation="15-1232">`: a college's published pathways, found
 * by occupation or keyword and filtered by delivery mode. It reads the public API only, through
 * one persisted GET query, so a CDN in front of the API serves it.
 */
export class PathwayFinder extends LitElement {
  static properties = {
    institution: { type: String },
    occupation: { type: String },
    api: { type: String },
    search: { state: true },
    mode: { state: true },
    data: { state: true },
    error: { state: true },
  };

  declare institution: string;
  declare occupation: string;
  /** Where /graphql is; by default the origin the script was loaded from. */
  declare api: string;
  declare search: string;
  declare mode: string;
  declare data: FinderData | undefined;
  declare error: string | undefined;

  private static scriptOrigin = (document.currentScript as HTMLScriptElement | null)?.src ? new URL((document.currentScript as HTMLScriptElement).src).origin : location.origin;

  constructor() {
    super();
    this.institution = '';
    this.occupation = '';
    this.api = `${PathwayFinder.scriptOrigin}/graphql`;
    this.search = '';
    this.mode = '';
  }

  connectedCallback(): void {
    super.connectedCallback();
    this.search = this.occupation;
    void this.load();
  }

  /** Asks by hash first; an API that has not seen the document yet is sent its text once. */
  private async load(): Promise<void> {
    const variables = JSON.stringify({ institutionId: this.institution || null, search: null });
    const extensions = JSON.stringify({ persistedQuery: { version: 1, sha256Hash: FINDER_QUERY_HASH } });
    const get = async (withText: boolean) => {
      const params = new URLSearchParams({ variables, extensions, ...(withText ? { query: FINDER_QUERY } : {}) });
      const response = await fetch(`${this.api}?${params}`, { headers: { accept: 'application/graphql-response+json', 'apollo-require-preflight': 'true' } });
      return (await response.json()) as { data?: FinderData; errors?: { extensions?: { code?: string } }[] };
    };
    try {
      let answer = await get(false);
      if (answer.errors?.[0]?.extensions?.code === 'PERSISTED_QUERY_NOT_FOUND') answer = await get(true);
      if (!answer.data) throw new Error(answer.errors?.[0]?.extensions?.code ?? 'no data');
      this.data = answer.data;
    } catch {
      this.error = 'Pathways could not be loaded. Please try again later.';
    }
  }

  private visible(): Pathway[] {
    const words = this.search.trim().toLowerCase();
    return (this.data?.pathways.nodes ?? []).filter((pathway) => {
      const text = [pathway.title, pathway.description ?? '', ...pathway.destinations.flatMap((d) => [d.title, d.socCode])].join(' ').toLowerCase();
      const modes = pathway.stages.flatMap((stage) => stage.credentials.map((credential) => credential.deliveryMode));
      return (!words || text.includes(words)) && (!this.mode || modes.includes(this.mode));
    });
  }

  private programsOf(pathway: Pathway): Agreement['degreeProgram'][] {
    const credentials = new Set(pathway.stages.flatMap((stage) => stage.credentials.map((credential) => credential.id)));
    const programs = (this.data?.articulationAgreements.nodes ?? [])
      .filter((agreement) => agreement.blockPathway?.id === pathway.id || agreement.mappings.some((mapping) => credentials.has(mapping.credential.id)))
      .map((agreement) => agreement.degreeProgram);
    return [...new Map(programs.map((program) => [`${program.institution.name} ${program.title}`, program])).values()];
  }

  render() {
    const pathways = this.visible();
    return html`
      <section aria-labelledby="finder-title">
        <h2 id="finder-title">Find a pathway to a job</h2>
        <form role="search" @submit=${(event: Event) => event.preventDefault()}>
          <label>Occupation or keyword
            <input type="search" .value=${this.search} @input=${(event: Event) => (this.search = (event.target as HTMLInputElement).value)} placeholder="e.g. 15-1232 or welding" />
          </label>
          <label>Delivery
            <select .value=${this.mode} @change=${(event: Event) => (this.mode = (event.target as HTMLSelectElement).value)}>
              <option value="">Any</option>
              ${Object.entries(MODES).map(([value, label]) => html`<option value=${value}>${label}</option>`)}
            </select>
          </label>
        </form>
        ${this.error ? html`<p role="alert">${this.error}</p>` : nothing}
        ${!this.data && !this.error ? html`<p aria-live="polite">Loading pathways…</p>` : nothing}
        ${this.data ? html`<p aria-live="polite" class="count">${pathways.length} ${pathways.length === 1 ? 'pathway' : 'pathways'}</p>` : nothing}
        <ul class="pathways">${pathways.map((pathway) => this.renderPathway(pathway))}</ul>
      </section>
    `;
  }

  private renderPathway(pathway: Pathway) {
    const credentials = pathway.stages.flatMap((stage) => stage.credentials);
    const credits = credentials.reduce((sum, credential) => sum + credential.creditValue, 0);
    const hours = credentials.reduce((sum, credential) => sum + credential.workloadHours, 0);
    const programs = this.programsOf(pathway);
    return html`
      <li>
        <article aria-labelledby="p-${pathway.id}">
          <h3 id="p-${pathway.id}">${pathway.title}</h3>
          ${pathway.description ? html`<p>${pathway.description}</p>` : nothing}
          <p class="totals">${credits} credits · ${hours} hours · ${credentials.length} credentials</p>
          <h4>Leads to</h4>
          <ul>${pathway.destinations.map((d) => html`<li>${d.title} (SOC ${d.socCode})${d.medianAnnualWage ? html` — median ${usd.format(d.medianAnnualWage)} a year` : nothing}</li>`)}</ul>
          <details>
            <summary>Stages and credentials</summary>
            <ol>${[...pathway.stages].sort((a, b) => a.position - b.position).map((stage) => html`<li>${stage.title}<ul>${stage.credentials.map((c) => html`<li>${c.title}: ${c.creditValue} credits, ${c.workloadHours} hours, ${MODES[c.deliveryMode] ?? c.deliveryMode}</li>`)}</ul></li>`)}</ol>
          </details>
          ${programs.length ? html`<h4>Counts toward</h4><ul>${programs.map((p) => html`<li>${p.title}, ${p.institution.name} (${p.totalCredits} credits)</li>`)}</ul>` : nothing}
          ${pathway.partners.length ? html`<h4>Employer partners</h4><p>${pathway.partners.map((p) => p.employer.name).join(', ')}</p>` : nothing}
        </article>
      </li>
    `;
  }

  static styles = css`
    :host { display: block; font: 16px/1.5 system-ui, sans-serif; color: #1a1a1a; background: #fff; max-width: 960px; }
    section { padding: 16px; }
    h2 { font-size: 1.5rem; margin: 0 0 12px; }
    h3 { font-size: 1.2rem; margin: 0 0 4px; color: #0b3d91; }
    h4 { font-size: 1rem; margin: 12px 0 4px; }
    form { display: flex; flex-wrap: wrap; gap: 12px; margin-bottom: 12px; }
    label { display: flex; flex-direction: column; font-weight: 600; gap: 4px; flex: 1 1 200px; }
    input, select { font: inherit; padding: 8px; border: 2px solid #555; border-radius: 4px; background: #fff; color: #1a1a1a; min-height: 44px; box-sizing: border-box; }
    input:focus-visible, select:focus-visible, summary:focus-visible { outline: 3px solid #0b3d91; outline-offset: 2px; }
    ul.pathways { list-style: none; padding: 0; margin: 0; display: grid; gap: 16px; grid-template-columns: repeat(auto-fill, minmax(min(100%, 420px), 1fr)); }
    article { border: 1px solid #767676; border-radius: 8px; padding: 16px; }
    .totals, .count { color: #333; font-weight: 600; }
    summary { cursor: pointer; color: #0b3d91; font-weight: 600; min-height: 24px; }
    ul, ol { padding-left: 20px; margin: 4px 0; }
  `;
}

if (!customElements.get('pathway-finder')) customElements.define('pathway-finder', PathwayFinder);
