/**
 * Consumption history as a server-rendered bar chart (plain SVG, no chart library, no script): the SVG is an image
 * with a title and description for screen readers, and the same figures follow in a table (the text alternative).
 * The SVG's inside is built as one escaped string (the same on server and client): it is only drawn, never updated,
 * and about thirty React elements fewer per render keep the invoice page cheap under load (benchmark 8a).
 */
import { formatCOP, formatNumber } from '~/utils/format'

export type ChartPoint = { label: string; shortLabel: string; billedM3: string | null; currentCharges: string; isCurrent: boolean }

const WIDTH = 320
const HEIGHT = 170
const TOP = 18
const BOTTOM = 28

export function ConsumptionChart({ id, points }: { id: string; points: ChartPoint[] }) {
  const values = points.map((p) => (p.billedM3 === null ? 0 : Number(p.billedM3)))
  const max = Math.max(1, ...values)
  const slot = WIDTH / Math.max(points.length, 1)
  const barWidth = Math.min(34, slot * 0.6)
  const plot = HEIGHT - TOP - BOTTOM
  const summary = points.map((p) => `${p.label}: ${p.billedM3 === null ? 'sin consumo' : `${formatNumber(p.billedM3)} m³`}`).join('; ')
  const bars = points.map((p, i) => {
    const h = (values[i]! / max) * plot
    const x = i * slot + (slot - barWidth) / 2
    const y = HEIGHT - BOTTOM - h
    const value = p.billedM3 === null ? '—' : formatNumber(p.billedM3)
    return (
      `<g><rect x="${x}" y="${y}" width="${barWidth}" height="${h}" class="${p.isCurrent ? 'chart-bar chart-bar-current' : 'chart-bar'}"></rect>` +
      `<text x="${x + barWidth / 2}" y="${y - 4}" text-anchor="middle" class="chart-value">${escapeXml(value)}</text>` +
      `<text x="${x + barWidth / 2}" y="${HEIGHT - 10}" text-anchor="middle" class="chart-label">${escapeXml(p.shortLabel)}</text></g>`
    )
  })
  const inner =
    `<title id="${escapeXml(id)}-title">Consumo facturado por periodo (m³)</title><desc id="${escapeXml(id)}-desc">${escapeXml(summary)}</desc>` +
    `<line x1="0" x2="${WIDTH}" y1="${HEIGHT - BOTTOM}" y2="${HEIGHT - BOTTOM}" class="chart-axis"></line>${bars.join('')}`
  return (
    <figure className="chart" aria-labelledby={`${id}-caption`}>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        className="chart-svg"
        dangerouslySetInnerHTML={{ __html: inner }}
      />
      <figcaption id={`${id}-caption`}>
        Consumo de los últimos periodos. La barra oscura es el periodo de esta factura.
      </figcaption>
      <div className="table-scroll" role="region" aria-label="Datos del gráfico de consumo" tabIndex={0}>
        <table className="data-table">
          <caption>Consumo y valor por periodo</caption>
          <thead>
            <tr>
              <th scope="col">Periodo</th>
              <th scope="col" className="num">Consumo (m³)</th>
              <th scope="col" className="num">Valor del periodo</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.label} aria-current={p.isCurrent ? 'true' : undefined}>
                <th scope="row">{p.isCurrent ? `${p.label} (esta factura)` : p.label}</th>
                <td className="num">{p.billedM3 === null ? 'Sin consumo' : formatNumber(p.billedM3)}</td>
                <td className="num">
                  <span className="money">{formatCOP(p.currentCharges)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  )
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!)
}
