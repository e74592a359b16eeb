package dev.dataversebdd.conformance;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The matrix as one self-contained page that opens from disk: no script, no fetch, styles inline. A grid of
 * operations by relationship kinds whose cells hold one badge per reference form (green conforms, red differs,
 * grey not exercised), each linking to the scenario that exercised it; below, every cell with its observations.
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
                .append(".not-exercised{background:#8a8a8a}.legend span{margin-right:1rem}code{font-size:.85rem}\n")
                .append("</style></head><body>\n");
        html.append("<h1>Conformance matrix</h1>\n<p>").append(esc(matrix.target().path("description").asText("")))
                .append(" &middot; ").append(esc(matrix.date())).append(" &middot; ").append(esc(product)).append("</p>\n");
        long conforming = matrix.cells().values().stream().filter(o -> ConformanceMatrix.outcome(o).equals("conforms")).count();
        long differing = matrix.cells().values().stream().filter(o -> ConformanceMatrix.outcome(o).equals("differs")).count();
        html.append("<p id=\"summary\">").append(matrix.scenarios().size()).append(" scenarios, ")
                .append(matrix.cells().size()).append(" cells exercised: <strong>").append(conforming)
                .append(" conform</strong>, <strong>").append(differing).append(" differ</strong>.</p>\n")
                .append("<p class=\"legend\"><span class=\"badge conforms\">conforms</span><span class=\"badge differs\">")
                .append("differs</span><span class=\"badge not-exercised\">not exercised</span></p>\n");
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
                .append("<th>relationship</th><th>form</th><th>outcome</th><th>observations</th></tr></thead><tbody>\n");
        matrix.cells().forEach((key, observations) -> {
            html.append("<tr><td>").append(esc(key.get(0))).append("</td><td>").append(esc(key.get(1))).append("</td><td>")
                    .append(esc(key.get(2))).append("</td><td>").append(ConformanceMatrix.outcome(observations))
                    .append("</td><td>");
            for (Observation o : observations) {
                html.append("<div><a href=\"").append(esc(link.apply(o.location()))).append("\">").append(esc(o.scenario()))
                        .append("</a> <code>").append(o.status()).append(o.code() == null ? "" : " " + esc(o.code()))
                        .append("</code> ").append(esc(o.result().toLowerCase(Locale.ROOT)));
                if (o.limitedCaller()) {
                    html.append(" &middot; as a limited caller");
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
        String title = observations.size() + " observation(s)" + (limited == 0 ? "" : ", " + limited + " as a limited caller")
                + "; " + first.scenario() + " (" + first.location() + "): " + first.status()
                + (first.code() == null ? "" : " " + first.code());
        return "<a class=\"badge " + outcome.replace(' ', '-') + "\" href=\"" + esc(link.apply(first.location()))
                + "\" title=\"" + esc(title) + "\">" + esc(form) + "</a>";
    }

    static String esc(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
