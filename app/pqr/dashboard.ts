/**
 * The deadlines dashboard (issue 6, item 8), client-safe part: its buckets, their Spanish names and URL slugs.
 * A company deadline is the stored `next_step_due_on` of a case in a state where the company must act (alerts.ts
 * COMPANY_DEADLINE_STATES); "en riesgo" is the clocks' silencio risk (a notification that broke CPACA's steps).
 */
import { z } from 'zod'

export const DASHBOARD_BUCKETS = ['vence-hoy', 'por-vencer', 'vencidos', 'en-riesgo', 'silencio'] as const
export type DashboardBucket = (typeof DASHBOARD_BUCKETS)[number]

export const BUCKET_LABELS: Record<DashboardBucket, { title: string; help: (atRiskDays: number) => string }> =
  {
    'vence-hoy': {
      title: 'Vencen hoy',
      help: () => 'El próximo paso de la empresa (decidir, citar o notificar) vence hoy.',
    },
    'por-vencer': {
      title: 'Por vencer',
      help: (n) =>
        `Vencen dentro de los próximos ${n} días hábiles (ajuste «días para marcar en riesgo de vencer»).`,
    },
    vencidos: {
      title: 'Vencidos',
      help: () => 'El plazo del próximo paso ya pasó y el paso no se ha cumplido.',
    },
    'en-riesgo': {
      title: 'Riesgo de silencio',
      help: () =>
        'La notificación no siguió los pasos del CPACA (arts. 67 a 69): la SSPD lo trata como silencio positivo.',
    },
    silencio: {
      title: 'En silencio positivo',
      help: () =>
        'Sin decisión dentro del término (Ley 142, art. 158): hay 72 horas para reconocer sus efectos.',
    },
  }

export const DashboardQuerySchema = z.object({
  lista: z.enum(DASHBOARD_BUCKETS).optional(),
  pagina: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
})
