package uk.nhsjob.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import uk.nhsjob.localstack.SampleFeeds;

/**
 * Native JSON feeds for tests: a medical secretary vacancy with every field filled in,
 * which a test changes as it needs; and the repository's sample feeds, dated.
 */
public final class Feeds {

	/** Put as a change to leave a field out. */
	public static final Object NONE = new Object();

	private Feeds() {
	}

	/**
	 * A date this many days from the service's today ({@link ServiceClock}), as a trust's
	 * system writes it.
	 */
	public static String inDays(int days) {
		return ServiceClock.today().plusDays(days).format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
	}

	public static Map<String, Object> vacancy(String externalId) {
		Map<String, Object> vacancy = new LinkedHashMap<>();
		vacancy.put("externalId", externalId);
		vacancy.put("title", "<b>Medical Secretary</b> to Consultant Cardiologist");
		vacancy.put("description",
				"<p>Join our <em>friendly</em> cardiology team.</p>\n<p>Audio typing essential.</p>");
		vacancy.put("band", "AfC Band 4");
		vacancy.put("salary", "£27,485 - £30,162 per annum");
		vacancy.put("hours", "37.5 hours per week");
		vacancy.put("workingPattern", "Full time, flexible working");
		vacancy.put("contractType", "Permanent");
		vacancy.put("specialty", "Cardiology");
		vacancy.put("employerName", "Leeds Teaching Hospitals NHS Trust");
		vacancy.put("postcode", "ls14ap");
		vacancy.put("town", "Leeds");
		vacancy.put("remote", "no");
		vacancy.put("closingDate", inDays(30));
		vacancy.put("applyUrl", "https://jobs.example.org/apply/" + externalId);
		vacancy.put("reference", "REF-" + externalId);
		return vacancy;
	}

	public static Map<String, Object> vacancy(String externalId, Map<String, Object> changes) {
		Map<String, Object> vacancy = vacancy(externalId);
		vacancy.putAll(changes);
		vacancy.values().removeIf((value) -> value == NONE);
		return vacancy;
	}

	/**
	 * A sample feed of the repository's {@code samples/feeds/} with its dates counted
	 * from the service's today, as the local stack writes it.
	 */
	public static byte[] sample(String file) {
		try {
			String template = Files.readString(Path.of("..", "samples", "feeds", file), StandardCharsets.UTF_8);
			return SampleFeeds.fill(template, ServiceClock.today()).getBytes(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@SafeVarargs
	public static String feed(Map<String, Object>... vacancies) {
		return IngestApi.toJson(Map.of("vacancies", List.of(vacancies)));
	}

}
