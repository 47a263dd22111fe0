package uk.nhsjob.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A chart of a load run as SVG: panels one above the other on one time axis (seconds
 * since the run began), each with its series as lines or dots, and the fault windows
 * shaded across all of them. Hand-written: no charting library is on the project's class
 * path (JFreeChart and XChart would bring AWT rendering and a dependency for one
 * picture), and a few lines of SVG say all the report needs.
 */
final class SvgChart {

	/** A point of a series: when, and its value. */
	record Point(Instant at, double value) {
	}

	/** A shaded span of time, with its label. */
	record Window(String label, Instant start, Instant end) {
	}

	private record Panel(String title, String unit, Map<String, List<Point>> series, boolean dots) {
	}

	private static final String[] COLOURS = { "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b",
			"#e377c2", "#7f7f7f", "#bcbd22", "#17becf" };

	private static final int WIDTH = 1100;

	private static final int PANEL_HEIGHT = 220;

	private static final int LEFT = 70;

	private static final int RIGHT = 260;

	private static final int TOP = 40;

	private static final int GAP = 50;

	private final Instant start;

	private final Instant end;

	private final List<Panel> panels = new ArrayList<>();

	private final List<Window> windows = new ArrayList<>();

	private final Map<String, Instant> markers = new LinkedHashMap<>();

	SvgChart(Instant start, Instant end) {
		this.start = start;
		this.end = end.isAfter(start) ? end : start.plusSeconds(1);
	}

	SvgChart lines(String title, String unit, Map<String, List<Point>> series) {
		this.panels.add(new Panel(title, unit, new LinkedHashMap<>(series), false));
		return this;
	}

	SvgChart dots(String title, String unit, Map<String, List<Point>> series) {
		this.panels.add(new Panel(title, unit, new LinkedHashMap<>(series), true));
		return this;
	}

	SvgChart window(String label, Instant from, Instant to) {
		this.windows.add(new Window(label, from, to));
		return this;
	}

	/** A dashed vertical line across every panel, e.g. where a phase begins. */
	SvgChart marker(String label, Instant at) {
		this.markers.put(label, at);
		return this;
	}

	String render() {
		int height = TOP + this.panels.size() * (PANEL_HEIGHT + GAP) + 20;
		int plotWidth = WIDTH - LEFT - RIGHT;
		StringBuilder svg = new StringBuilder();
		svg.append(
				"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"11\">\n"
					.formatted(WIDTH, height));
		svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
		double seconds = Duration.between(this.start, this.end).toMillis() / 1000.0;
		for (int p = 0; p < this.panels.size(); p++) {
			Panel panel = this.panels.get(p);
			int top = TOP + p * (PANEL_HEIGHT + GAP);
			double max = panel.series()
				.values()
				.stream()
				.flatMap(List::stream)
				.mapToDouble(Point::value)
				.max()
				.orElse(1);
			max = niceCeiling(Math.max(max, 1e-9));
			svg.append("<text x=\"%d\" y=\"%d\" font-size=\"13\" font-weight=\"bold\">%s (%s)</text>\n".formatted(LEFT,
					top - 8, escape(panel.title()), escape(panel.unit())));
			for (Window window : this.windows) {
				double x1 = LEFT + plotWidth * clamp(seconds(window.start()) / seconds);
				double x2 = LEFT + plotWidth * clamp(seconds(window.end()) / seconds);
				svg.append(
						"<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"#f4a582\" fill-opacity=\"0.3\"/>\n"
							.formatted(x1, top, Math.max(1, x2 - x1), PANEL_HEIGHT));
				if (p == 0) {
					svg.append("<text x=\"%.1f\" y=\"%d\" font-size=\"9\" transform=\"rotate(-30 %.1f %d)\">%s</text>\n"
						.formatted(x1, top + 10, x1, top + 10, escape(window.label())));
				}
			}
			for (Map.Entry<String, Instant> marker : this.markers.entrySet()) {
				double x = LEFT + plotWidth * clamp(seconds(marker.getValue()) / seconds);
				svg.append(
						"<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#555\" stroke-dasharray=\"4 3\"/>\n"
							.formatted(x, x, top, top + PANEL_HEIGHT));
				svg.append("<text x=\"%.1f\" y=\"%d\" font-size=\"10\" fill=\"#555\">%s</text>\n".formatted(x + 3,
						top + PANEL_HEIGHT - 4, escape(marker.getKey())));
			}
			svg.append("<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#444\"/>\n"
				.formatted(LEFT, top, plotWidth, PANEL_HEIGHT));
			for (int tick = 0; tick <= 4; tick++) {
				double value = max * tick / 4;
				double y = top + PANEL_HEIGHT - PANEL_HEIGHT * tick / 4.0;
				svg.append("<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n".formatted(LEFT - 5, y + 4,
						format(value)));
				svg.append("<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>\n".formatted(LEFT,
						LEFT + plotWidth, y, y));
			}
			for (int tick = 0; tick <= 10; tick++) {
				double x = LEFT + plotWidth * tick / 10.0;
				svg.append("<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s s</text>\n".formatted(x,
						top + PANEL_HEIGHT + 14, format(seconds * tick / 10)));
			}
			int legend = 0;
			for (Map.Entry<String, List<Point>> series : panel.series().entrySet()) {
				String colour = COLOURS[legend % COLOURS.length];
				StringBuilder path = new StringBuilder();
				// one dot a pixel: tens of thousands of emails would otherwise make a
				// chart
				// of megabytes that looks the same
				Set<Long> dotted = new HashSet<>();
				for (Point point : series.getValue()) {
					double x = LEFT + plotWidth * clamp(seconds(point.at()) / seconds);
					double y = top + PANEL_HEIGHT - PANEL_HEIGHT * Math.min(1, point.value() / max);
					if (panel.dots()) {
						if (dotted.add(Math.round(x) * 100_000 + Math.round(y))) {
							svg.append("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"1.5\" fill=\"%s\" fill-opacity=\"0.5\"/>\n"
								.formatted(x, y, colour));
						}
					}
					else {
						path.append(path.isEmpty() ? "M" : " L").append("%.1f %.1f".formatted(x, y));
					}
				}
				if (!path.isEmpty()) {
					svg.append("<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"1.2\"/>\n".formatted(path,
							colour));
				}
				int ly = top + 12 + 14 * legend;
				svg.append("<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>\n"
					.formatted(LEFT + plotWidth + 10, ly - 9, colour));
				svg.append("<text x=\"%d\" y=\"%d\">%s</text>\n".formatted(LEFT + plotWidth + 24, ly,
						escape(series.getKey())));
				legend++;
			}
		}
		svg.append("</svg>\n");
		return svg.toString();
	}

	private double seconds(Instant at) {
		return Duration.between(this.start, at).toMillis() / 1000.0;
	}

	private static double clamp(double fraction) {
		return Math.max(0, Math.min(1, fraction));
	}

	/** 1, 2 or 5 times a power of ten, at least {@code value}. */
	static double niceCeiling(double value) {
		double power = Math.pow(10, Math.floor(Math.log10(value)));
		for (double step : new double[] { 1, 2, 5, 10 }) {
			if (step * power >= value) {
				return step * power;
			}
		}
		return 10 * power;
	}

	private static String format(double value) {
		return (value == Math.rint(value)) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

}
