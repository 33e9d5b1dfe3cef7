import { Link } from "@remix-run/react";
import type { TaskStatus } from "~/domain/bids/section-list";

export type Task = { id: string; title: string; href: string | null; status: TaskStatus | "cannot_start"; hint?: string };

const STATUS: Record<Task["status"], { text: string; tag?: string }> = {
  not_started: { text: "Not started", tag: "govuk-tag--blue" },
  in_progress: { text: "In progress", tag: "govuk-tag--light-blue" },
  completed: { text: "Completed" },
  cannot_start: { text: "Cannot start yet" },
};

/** GOV.UK task list ("complete multiple tasks"): a link per task, its status beside it. */
export function TaskList({ tasks, idPrefix = "task-list" }: { tasks: Task[]; idPrefix?: string }) {
  return (
    <ul className="govuk-task-list">
      {tasks.map((task, index) => {
        const statusId = `${idPrefix}-${index + 1}-status`;
        const hintId = `${idPrefix}-${index + 1}-hint`;
        const status = STATUS[task.status];
        return (
          <li key={task.id} className={`govuk-task-list__item${task.href ? " govuk-task-list__item--with-link" : ""}`}>
            <div className="govuk-task-list__name-and-hint">
              {task.href ? (
                <Link className="govuk-link govuk-task-list__link" to={task.href} aria-describedby={task.hint ? `${hintId} ${statusId}` : statusId}>
                  {task.title}
                </Link>
              ) : (
                <div>{task.title}</div>
              )}
              {task.hint ? (
                <div id={hintId} className="govuk-task-list__hint">
                  {task.hint}
                </div>
              ) : null}
            </div>
            <div className={`govuk-task-list__status${task.status === "cannot_start" ? " govuk-task-list__status--cannot-start-yet" : ""}`} id={statusId}>
              {status.tag ? <strong className={`govuk-tag ${status.tag}`}>{status.text}</strong> : status.text}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
