// Remix options, read by vite.config.ts (see ../shared/STACK.md: only these keys take effect with the Vite plugin).
/** @type {import('@remix-run/dev').VitePluginConfig} */
export default {
  appDirectory: 'app',
  serverModuleFormat: 'esm',
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_singleFetch: true,
    // Off: with it on, every document render matched the whole route table once per parent segment of the URL to
    // inline a partial manifest, so a deep page such as an invoice paid for it more than `/` (bench:invoice-page,
    // README). Off, the manifest is one immutable, cached file the browser loads once.
    v3_lazyRouteDiscovery: false,
    v3_routeConfig: true,
  },
}
