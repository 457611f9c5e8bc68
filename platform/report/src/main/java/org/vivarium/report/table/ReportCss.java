package org.vivarium.report.table;

/** The built-in style sheet of {@link HtmlReport}: readable type, zebra tables, framed figures. */
final class ReportCss {
    static final String CSS = """
            :root { color-scheme: light; }
            body { margin: 0; background: #fafafa; color: #222;
              font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; }
            main { max-width: 980px; margin: 0 auto; padding: 32px 28px 64px; background: #fff;
              min-height: 100vh; box-shadow: 0 0 0 1px #eee; }
            h1 { font-size: 1.8em; margin: 0 0 .6em; padding-bottom: .3em; border-bottom: 2px solid #0072B2; }
            h2 { font-size: 1.35em; margin: 1.8em 0 .5em; }
            h3 { font-size: 1.12em; margin: 1.4em 0 .4em; }
            h4 { font-size: 1em; margin: 1.2em 0 .3em; color: #444; }
            p { margin: .6em 0; }
            table { border-collapse: collapse; margin: 1em 0; font-size: .93em;
              font-variant-numeric: tabular-nums; }
            th, td { padding: 6px 12px; border-bottom: 1px solid #e3e3e3; text-align: left; }
            th { background: #f3f5f7; border-bottom: 2px solid #ccc; font-weight: 600; }
            tbody tr:nth-child(even) { background: #fafbfc; }
            .num { text-align: right; }
            pre { background: #f6f8fa; border: 1px solid #e3e6ea; border-radius: 6px; padding: 12px 14px;
              overflow-x: auto; font: 13px/1.45 ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; }
            figure { margin: 1.2em 0; }
            figure img { max-width: 100%; height: auto; border: 1px solid #eee; border-radius: 4px; }
            figcaption { color: #555; font-size: .9em; margin-top: .4em; }
            """;

    private ReportCss() {
    }
}
