// Observable Framework configuration. Everything is self-hosted: no CDN, no web fonts, no DuckDB extension downloads
// (see config/offline-npm.ts, which fills Framework's npm cache from node_modules before every build and preview).
export default {
  root: "src",
  title: "VolDesk",
  style: "style.css",
  globalStylesheets: [],
  head: '<link rel="icon" href="data:,">', // no favicon request (a 404 is a console error)
  duckdb: {extensions: {json: null, parquet: null}},
  search: false,
  pager: false,
  footer: "VolDesk: risk-first options and volatility workspace. Demo data is simulated; not investment advice.",
  pages: [
    {name: "Positions", path: "/positions"},
    {name: "Risk", path: "/risk"},
    {name: "Watchlist", path: "/watchlist"},
    {name: "Volatility surface", path: "/surface"},
    {name: "Macro", path: "/macro"}
  ] as {name: string; path: string}[]
};
