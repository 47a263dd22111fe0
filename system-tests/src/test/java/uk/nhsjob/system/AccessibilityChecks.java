package uk.nhsjob.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.WebDriver;

/**
 * axe-core run in the browser on each page the journey visits, against WCAG 2.1 A and AA
 * and axe's best practices. Every violation is kept, by page and impact, for the report
 * ({@code target/accessibility/axe-report.txt}); a serious or critical one fails the
 * test.
 */
final class AccessibilityChecks {

	private static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice");

	private final Map<String, List<Rule>> violationsByPage = new LinkedHashMap<>();

	/** Checks the page the browser shows now, under a name of its own. */
	void check(String page, WebDriver driver) {
		Results results = new AxeBuilder().withTags(TAGS).analyze(driver);
		if (results.isErrored()) {
			throw new IllegalStateException("axe-core failed on " + page + ": " + results.getErrorMessage());
		}
		this.violationsByPage.put(page, new ArrayList<>(results.getViolations()));
	}

	/** "page: rule (impact) at selectors" for each serious or critical violation. */
	List<String> seriousOrCritical() {
		List<String> found = new ArrayList<>();
		this.violationsByPage.forEach((page, rules) -> rules.stream()
			.filter((rule) -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
			.forEach((rule) -> found.add(page + ": " + rule.getId() + " (" + rule.getImpact() + ") at "
					+ rule.getNodes().stream().map((node) -> String.valueOf(node.getTarget())).toList())));
		return found;
	}

	/** One line per page: its violations counted by impact, and their rules. */
	String report() {
		StringBuilder report = new StringBuilder("axe-core ").append(String.join(",", TAGS)).append('\n');
		this.violationsByPage.forEach((page, rules) -> {
			Map<String, Long> byImpact = new TreeMap<>(rules.stream()
				.collect(Collectors.groupingBy((rule) -> String.valueOf(rule.getImpact()), Collectors.counting())));
			report.append(String.format("%-22s critical=%d serious=%d moderate=%d minor=%d %s%n", page,
					byImpact.getOrDefault("critical", 0L), byImpact.getOrDefault("serious", 0L),
					byImpact.getOrDefault("moderate", 0L), byImpact.getOrDefault("minor", 0L),
					rules.stream().map((rule) -> rule.getId() + "(" + rule.getImpact() + ")").toList()));
		});
		return report.toString();
	}

	void writeReport() {
		try {
			Path file = Path.of("target", "accessibility", "axe-report.txt");
			Files.createDirectories(file.getParent());
			Files.writeString(file, report());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
