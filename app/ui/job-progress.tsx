/**
 * The live progress of a background job (processed / total and a message). The page polls its loader while the job
 * is queued or running, so the progress survives a reload: the job id lives in the URL.
 */
import { useRevalidator } from '@remix-run/react'
import { useEffect } from 'react'

export type JobProgressView = {
  status: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled' | string
  progressDone: number | null
  progressTotal: number | null
  progressMessage: string | null
  lastError: string | null
}

const STATUS_LABELS: Record<string, string> = {
  queued: 'En cola',
  running: 'En proceso',
  succeeded: 'Terminada',
  failed: 'Falló',
  cancelled: 'Cancelada',
}

export function JobProgress({ job, label }: { job: JobProgressView; label: string }) {
  const revalidator = useRevalidator()
  const isActive = job.status === 'queued' || job.status === 'running'
  useEffect(() => {
    if (!isActive) return
    const timer = setInterval(() => {
      if (revalidator.state === 'idle') revalidator.revalidate()
    }, 1500)
    return () => clearInterval(timer)
  }, [isActive, revalidator])
  const total = job.progressTotal ?? 0
  const done = job.progressDone ?? 0
  return (
    <section className="card" aria-live="polite">
      <h2>{label}</h2>
      <p>
        Estado: <strong>{STATUS_LABELS[job.status] ?? job.status}</strong>
        {total > 0 ? ` · ${done.toLocaleString('es-CO')} de ${total.toLocaleString('es-CO')}` : null}
        {job.progressMessage ? ` · ${job.progressMessage}` : null}
      </p>
      {total > 0 ? <progress max={total} value={done} aria-label={label} /> : null}
      {job.lastError ? <p className="error-list">{job.lastError}</p> : null}
    </section>
  )
}
