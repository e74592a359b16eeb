package dev.dataversebdd.conformance;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The matrix as one self-contained page that opens from disk: no script, no fetch, styles inline. A grid of
 * operations by relationship kinds whose cells hold one badge per reference form (green conforms, red differs,
 * grey not exercised), each linking to the scenario that exercised it and saying how many scenarios back it (hollow
 * when one does, bold when one saw the answer on the wire of a live run); below, every cell with its observations.
 */
final class MatrixHtml {

    private MatrixHtml() {
    }

    /** @param link the href of a scenario's location ({@code features/x.feature:12}) from the page's folder */
    static String render(ConformanceMatrix matrix, String product, Function<String, String> link) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>Conformance matrix - ")
                .append(esc(matrix.target().path("description").asText("unknown target"))).append("</title>\n<style>\n")
                .append("body{font-family:system-ui,sans-serif;margin:1.5rem;color:#1b1b1b}")
                .append("table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #c8c8c8;padding:.35rem .5rem;")
                .append("vertical-align:top;text-align:left}th{background:#f3f3f3}")
                .append("td.empty{background:#f7f7f7;color:#8a8a8a;font-size:.8rem}")
                .append(".badge{display:inline-block;margin:.1rem;padding:.1rem .4rem;border-radius:.6rem;font-size:.8rem;")
                .append("text-decoration:none;color:#fff}.conforms{background:#1e7d32}.differs{background:#c62828}")
                .append(".not-exercised{background:#8a8a8a}.legend span{margin-right:1rem}code{font-size:.85rem}")
                // a cell one scenario backs is drawn hollow: it reads weaker than one several scenarios back
                .append(".badge.single{background:#fff;border:1px dashed currentColor;padding:0 .35rem}")
                .append(".conforms.single{color:#1e7d32}.differs.single{color:#c62828}.not-exercised.single{color:#8a8a8a}")
                .append(".badge .n{font-size:.7rem;opacity:.85;margin-left:.25rem}.badge.live{font-weight:600}\n")
                .append("</style></head><body>\n");
        html.append("<h1>Conformance matrix</h1>\n<p>").append(esc(matrix.target().path("description").asText("")))
                .append(" &middot; ").append(esc(matrix.date())).append(" &middot; ").append(esc(product)).append("</p>\n");
        long conforming = matrix.cells().values().stream().filter(o -> ConformanceMatrix.outcome(o).equals("conforms")).count();
        long differing = matrix.cells().values().stream().filter(o -> ConformanceMatrix.outcome(o).equals("differs")).count();
        long single = matrix.cells().values().stream().map(CellStrength::of).filter(CellStrength::single).count();
        long live = matrix.cells().values().stream().map(CellStrength::of).filter(CellStrength::liveWire).count();
        html.append("<p id=\"summary\">").append(matrix.scenarios().size()).append(" scenarios, ")
                .append(matrix.cells().size()).append(" cells exercised: <strong>").append(conforming)
                .append(" conform</strong>, <strong>").append(differing).append(" differ</strong>; ")
                .append(single).append(single == 1 ? " cell" : " cells").append(" backed by a single scenario, ")
                .append(live).append(" observed on the wire of a live run.</p>\n")
                .append("<p class=\"legend\"><span class=\"badge conforms\">conforms</span><span class=\"badge differs\">")
                .append("differs</span><span class=\"badge not-exercised\">not exercised</span><span><span class=\"badge ")
                .append("conforms single\">form<span class=\"n\">1</span></span> backed by one scenario</span><span>")
                .append("<span class=\"badge conforms live\">form<span class=\"n\">5 live</span></span> by five, seen on the ")
                .append("wire of a live run</span></p>\n");
        List<String> relationships = matrix.axis(1, ConformanceMatrix.RELATIONSHIPS);
        html.append("<table id=\"grid\"><thead><tr><th>operation</th>");
        relationships.forEach(r -> html.append("<th>").append(esc(r)).append("</th>"));
        html.append("</tr></thead><tbody>\n");
        for (String operation : matrix.axis(0, ConformanceMatrix.OPERATIONS)) {
            html.append("<tr><th>").append(esc(operation)).append("</th>");
            for (String relationship : relationships) {
                StringBuilder badges = new StringBuilder();
                for (Map.Entry<List<String>, List<Observation>> cell : matrix.cells().entrySet()) {
                    if (cell.getKey().get(0).equals(operation) && cell.getKey().get(1).equals(relationship)) {
                        badges.append(badge(cell.getKey().get(2), cell.getValue(), link));
                    }
                }
                html.append(badges.length() == 0 ? "<td class=\"empty\">not exercised</td>" : "<td>" + badges + "</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody></table>\n<h2>Every cell</h2>\n<table id=\"cells\"><thead><tr><th>operation</th>")
                .append("<th>relationship</th><th>form</th><th>outcome</th><th>strength</th><th>observations</th></tr>")
                .append("</thead><tbody>\n");
        matrix.cells().forEach((key, observations) -> {
            html.append("<tr><td>").append(esc(key.get(0))).append("</td><td>").append(esc(key.get(1))).append("</td><td>")
                    .append(esc(key.get(2))).append("</td><td>").append(ConformanceMatrix.outcome(observations))
                    .append("</td><td>").append(esc(CellStrength.of(observations).describe())).append("</td><td>");
            for (Observation o : observations) {
                html.append("<div><a href=\"").append(esc(link.apply(o.location()))).append("\">").append(esc(o.scenario()))
                        .append("</a> <code>").append(o.status()).append(o.code() == null ? "" : " " + esc(o.code()))
                        .append("</code> ").append(esc(o.result().toLowerCase(Locale.ROOT)));
                if (o.limitedCaller()) {
                    html.append(" &middot; as a limited caller");
                }
                if (o.liveWire()) {
                    html.append(" &middot; on the wire");
                }
                if (!o.behaviours().isEmpty()) {
                    html.append(" &middot; behaviour ").append(esc(o.behaviours().toString()));
                }
                if (!o.provenance().isEmpty()) {
                    html.append(" &middot; ").append(esc(String.join(", ", o.provenance())));
                }
                html.append("</div>");
            }
            html.append("</td></tr>\n");
        });
        html.append("</tbody></table>\n</body></html>\n");
        return html.toString();
    }

    private static String badge(String form, List<Observation> observations, Function<String, String> link) {
        String outcome = ConformanceMatrix.outcome(observations);
        Observation first = observations.stream().filter(o -> !o.passed()).findFirst().orElse(observations.get(0));
        long limited = observations.stream().filter(Observation::limitedCaller).count();
        CellStrength strength = CellStrength.of(observations);
        String title = observations.size() + " observation(s)" + (limited == 0 ? "" : ", " + limited + " as a limited caller")
                + "; " + strength.describe() + "; " + first.scenario() + " (" + first.location() + "): " + first.status()
                + (first.code() == null ? "" : " " + first.code());
        String classes = outcome.replace(' ', '-') + (strength.single() ? " single" : "") + (strength.liveWire() ? " live" : "");
        String count = strength.scenarios() == 0 ? "" : "<span class=\"n\">" + strength.scenarios()
                + (strength.liveWire() ? " live" : "") + "</span>";
        return "<a class=\"badge " + classes + "\" href=\"" + esc(link.apply(first.location()))
                + "\" title=\"" + esc(title) + "\">" + esc(form) + count + "</a>";
    }

    static String esc(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
