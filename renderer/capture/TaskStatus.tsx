/** Shows a capture/import TaskState: progress, the stored result (warnings, notes moved), or the failure. */
import { useApp } from '../app/context';
import type { CaptureT } from './strings';
import type { TaskState } from './task';

export function TaskStatus({ state, ct }: { state: TaskState; ct: CaptureT }) {
  const { navigate } = useApp();
  switch (state.phase) {
    case 'idle':
      return null;
    case 'working':
      return (
        <p className="capture-progress" role="status" data-testid="capture-progress">
          <progress aria-hidden="true" />{' '}
          {ct(state.step, state.step === 'capturing' ? { host: state.what } : { file: state.what })}
        </p>
      );
    case 'failed':
      return (
        <div className="capture-error" role="alert" data-testid="capture-error">
          <p>{state.message}</p>
          {state.detail !== undefined && (
            <details className="capture-error-detail">
              <summary>{ct('technicalDetail')}</summary>
              <p dir="ltr" lang="en">
                {state.detail}
              </p>
            </details>
          )}
        </div>
      );
    case 'done': {
      const { result } = state;
      const moved = result.reanchored.anchored + result.reanchored.orphaned > 0;
      return (
        <div className="capture-done" role="status" data-testid="capture-done">
          <p>{ct('done', { title: result.entry.title })}</p>
          {moved && <p>{ct('reanchored', { anchored: result.reanchored.anchored, orphaned: result.reanchored.orphaned })}</p>}
          {result.warnings.length > 0 && (
            <>
              <p>{ct('warnings')}</p>
              <ul>
                {result.warnings.map((w, i) => (
                  <li key={i} dir="auto">
                    {w}
                  </li>
                ))}
              </ul>
            </>
          )}
          <button type="button" className="action" onClick={() => navigate({ docId: result.entry.id })}>
            {ct('read')}
          </button>
        </div>
      );
    }
  }
}
