import { byId } from '../dom';
import { ApiError, type InstructorApi, type NewWorkshop, type Workshop } from './api';

/** What the dashboard does once the dialog has made a workshop, or when the login ran out. */
export interface CreateOutcome {
  created(made: Workshop): Promise<void>;
  loginNeeded(e: ApiError): void;
}

/**
 * The "New workshop" dialog: the form, its checks and the field the server refused, and the
 * call that makes the workshop.
 */
export class CreateWorkshopDialog {
  private readonly dialog = byId<HTMLDialogElement>('create-dialog');
  private readonly form = byId<HTMLFormElement>('create-form');

  constructor(
    private readonly api: InstructorApi,
    private readonly outcome: CreateOutcome,
  ) {
    for (const id of ['new-workshop', 'new-workshop-empty']) byId(id).addEventListener('click', () => this.open());
    byId('create-cancel').addEventListener('click', () => this.dialog.close());
    this.form.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.create();
    });
  }

  open(): void {
    byId('create-problem').textContent = '';
    for (const p of Array.from(this.dialog.querySelectorAll('.field-problem'))) p.textContent = '';
    this.dialog.showModal();
    byId('create-title-input').focus();
  }

  private async create(): Promise<void> {
    const request = readCreateForm(this.form);
    const problem = byId('create-problem');
    for (const p of Array.from(this.form.querySelectorAll('.field-problem'))) p.textContent = '';
    if (!request.title) {
      fieldProblem('title', 'Give the workshop a title: attendees see it when they join.');
      byId('create-title-input').focus();
      return;
    }
    const submit = byId<HTMLButtonElement>('create-submit');
    submit.disabled = true;
    problem.textContent = '';
    try {
      const made = await this.api.create(request);
      this.dialog.close();
      this.form.reset();
      await this.outcome.created(made);
    } catch (e) {
      if (e instanceof ApiError && e.field) fieldProblem(e.field, e.message);
      else if (e instanceof ApiError && e.loginNeeded) this.outcome.loginNeeded(e);
      else problem.textContent = e instanceof Error ? e.message : String(e);
    } finally {
      submit.disabled = false;
    }
  }
}

/** The create form as the API takes it; empty fields left out (the server's defaults apply). */
export function readCreateForm(form: HTMLFormElement): NewWorkshop {
  const data = new FormData(form);
  const title = String(data.get('title') ?? '').trim();
  const capacity = Number(data.get('capacity'));
  const duration = Number(data.get('durationMinutes'));
  const protocols = data.getAll('protocols').map(String);
  const targets = String(data.get('targets') ?? '')
    .split(/[\n,]/)
    .map((t) => t.trim())
    .filter(Boolean);
  const request: NewWorkshop = { title, protocols };
  if (String(data.get('capacity') ?? '').trim() !== '' && Number.isFinite(capacity)) request.capacity = capacity;
  if (Number.isFinite(duration) && duration > 0) request.durationMinutes = duration;
  if (targets.length) request.targets = targets;
  return request;
}

function fieldProblem(field: string, message: string): void {
  const box = document.getElementById(`create-${field}-problem`) ?? byId('create-problem');
  box.textContent = message;
}
