package io.github.webpubsub.camel.bench;

import java.util.Locale;

/** A small SVG line chart of throughput against messages in flight, log scale on x, for docs/performance.md. */
final class ThroughputPlot {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 360;
    private static final int LEFT = 80;
    private static final int RIGHT = 20;
    private static final int TOP = 30;
    private static final int BOTTOM = 50;

    private ThroughputPlot() {
    }

    static String svg(int[] windows, double[] raw, double[] client) {
        double max = 0;
        for (int i = 0; i < windows.length; i++) {
            max = Math.max(max, Math.max(raw[i], client[i]));
        }
        double top = niceCeiling(max);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"18\" font-size=\"14\">Acked sends per second against"
                + " sends in flight</text>%n", LEFT));
        for (int step = 0; step <= 4; step++) {
            double value = top * step / 4;
            double y = y(value, top);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>%n",
                    LEFT, y, WIDTH - RIGHT, y));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%,.0f</text>%n",
                    LEFT - 6, y + 4, value));
        }
        for (int i = 0; i < windows.length; i++) {
            double x = x(i, windows.length);
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>%n", x,
                    HEIGHT - BOTTOM + 18, windows[i]));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">sends in flight</text>%n",
                (LEFT + WIDTH - RIGHT) / 2, HEIGHT - 12));
        line(svg, raw, top, "#888", "raw Vert.x + Jackson", 0);
        line(svg, client, top, "#1f6fd1", "webpubsub-client", 1);
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static void line(StringBuilder svg, double[] values, double top, String colour, String label, int row) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(i, values.length), y(values[i], top)));
        }
        svg.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>%n",
                colour, points.toString().trim()));
        for (int i = 0; i < values.length; i++) {
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n",
                    x(i, values.length), y(values[i], top), colour));
        }
        int legendY = TOP + 14 + row * 16;
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\""
                + " stroke-width=\"2\"/>%n", LEFT + 10, legendY - 4, LEFT + 30, legendY - 4, colour));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", LEFT + 36, legendY, label));
    }

    /** Windows are powers of four: evenly spaced is a log scale. */
    private static double x(int index, int count) {
        return LEFT + (WIDTH - LEFT - RIGHT) * (count == 1 ? 0.5 : (double) index / (count - 1));
    }

    private static double y(double value, double top) {
        return TOP + (HEIGHT - TOP - BOTTOM) * (1 - value / top);
    }

    private static double niceCeiling(double value) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(Math.max(value, 1))));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= value) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }
}
