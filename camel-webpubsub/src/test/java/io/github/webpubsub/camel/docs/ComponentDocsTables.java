package io.github.webpubsub.camel.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Renders the options and headers tables of the {@code webpubsub} component from its generated catalog JSON into the
 * docs, between marker comments, so that the tables are never typed by hand. In Java, so that building the component
 * needs nothing but Java and Maven; {@code ComponentDocsTablesTest} runs it.
 */
public final class ComponentDocsTables {

    private static final List<String> GROUP_ORDER = List.of("common", "consumer", "consumer (advanced)", "producer",
            "producer (advanced)", "security", "proxy", "advanced", "health", "filter");

    /** One row of a table. */
    private record Row(String name, String group, String description, String defaultValue, String type) {
    }

    private final Map<String, List<Row>> tables = new LinkedHashMap<>();

    /** The tables of a catalog. */
    public ComponentDocsTables(Path catalog) throws IOException {
        JsonNode json = new ObjectMapper().readTree(Files.readString(catalog));
        tables.put("component options", options(json.get("componentProperties")));
        tables.put("endpoint options", options(json.get("properties")));
        tables.put("component headers", headers(json.get("headers")));
    }

    /** The file with its tables rendered again; the same text when nothing changed. */
    public String render(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        boolean adoc = file.toString().endsWith(".adoc");
        for (Map.Entry<String, List<Row>> table : tables.entrySet()) {
            String marker = table.getKey();
            String start = adoc ? "// " + marker + ": START" : "<!-- " + marker + ": START -->";
            String end = adoc ? "// " + marker + ": END" : "<!-- " + marker + ": END -->";
            int from = text.indexOf(start);
            int to = text.indexOf(end);
            if (from < 0 || to < 0) {
                continue;
            }
            boolean headerTable = marker.endsWith("headers");
            String rendered = adoc ? asciidoc(table.getValue(), headerTable) : markdown(table.getValue(), headerTable);
            text = text.substring(0, from + start.length()) + "\n" + rendered + "\n" + text.substring(to);
        }
        return text;
    }

    private static List<Row> options(JsonNode properties) {
        List<JsonNode> options = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            names.add(entry.getKey());
            options.add(entry.getValue());
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer>comparingInt(i -> "path".equals(options.get(i).path("kind").asText()) ? 0 : 1)
                .thenComparingInt(i -> rank(options.get(i).path("group").asText()))
                .thenComparingInt(i -> options.get(i).path("index").asInt()));
        List<Row> rows = new ArrayList<>();
        for (int i : order) {
            JsonNode o = options.get(i);
            String name = names.get(i) + (o.path("secret").asBoolean() ? " (secret)" : "")
                    + (o.path("required").asBoolean() ? " (required)" : "");
            String group = "path".equals(o.path("kind").asText()) ? "path" : o.path("group").asText();
            String defaultValue = o.has("defaultValue") ? o.get("defaultValue").asText() : "";
            rows.add(new Row(name, group, oneLine(o.path("description").asText()), defaultValue, typeOf(o)));
        }
        return rows;
    }

    private static List<Row> headers(JsonNode headers) {
        List<Row> rows = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = headers.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode h = entry.getValue();
            String label = h.path("label").asText();
            rows.add(new Row(entry.getKey(), label.isEmpty() ? "common" : label, oneLine(h.path("description").asText()),
                    "", h.path("javaType").asText()));
        }
        return rows;
    }

    private static int rank(String group) {
        int rank = GROUP_ORDER.indexOf(group);
        return rank < 0 ? GROUP_ORDER.size() : rank;
    }

    private static String typeOf(JsonNode option) {
        String type = "object".equals(option.path("type").asText())
                ? option.path("javaType").asText().replaceAll("^.*\\.", "") : option.path("type").asText();
        if (option.has("enum")) {
            List<String> values = new ArrayList<>();
            option.get("enum").forEach(v -> values.add(v.asText()));
            return type + " (" + String.join(", ", values) + ")";
        }
        return type;
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ");
    }

    private static String escape(String text) {
        return text.replace("|", "\\|");
    }

    private static String markdown(List<Row> rows, boolean headerTable) {
        StringBuilder out = new StringBuilder(headerTable ? "| Header | Used by | Description | Type |\n| --- | --- | --- | --- |"
                : "| Option | Group | Description | Default | Type |\n| --- | --- | --- | --- | --- |");
        for (Row r : rows) {
            out.append('\n');
            if (headerTable) {
                out.append("| `").append(r.name()).append("` | ").append(r.group()).append(" | ")
                        .append(escape(r.description())).append(" | `").append(r.type()).append("` |");
            } else {
                out.append("| `").append(r.name()).append("` | ").append(r.group()).append(" | ")
                        .append(escape(r.description())).append(" | ")
                        .append(r.defaultValue().isEmpty() ? "" : "`" + escape(r.defaultValue()) + "`").append(" | `")
                        .append(escape(r.type())).append("` |");
            }
        }
        return out.toString();
    }

    private static String asciidoc(List<Row> rows, boolean headerTable) {
        StringBuilder out = new StringBuilder(headerTable ? "[width=\"100%\",cols=\"2,1,5,1\",options=\"header\"]"
                : "[width=\"100%\",cols=\"2,1,5,1,1\",options=\"header\"]");
        out.append("\n|===\n").append(headerTable ? "| Header | Used by | Description | Type"
                : "| Option | Group | Description | Default | Type");
        for (Row r : rows) {
            out.append('\n');
            if (headerTable) {
                out.append("| `").append(r.name()).append("` | ").append(r.group()).append(" | ")
                        .append(escape(r.description())).append(" | ").append(r.type());
            } else {
                out.append("| `").append(r.name()).append("` | ").append(r.group()).append(" | ")
                        .append(escape(r.description())).append(" | ").append(escape(r.defaultValue())).append(" | ")
                        .append(escape(r.type()));
            }
        }
        return out.append("\n|===").toString();
    }
}
