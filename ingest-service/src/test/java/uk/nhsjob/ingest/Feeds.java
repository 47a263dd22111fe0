package uk.nhsjob.ingest;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Native JSON feeds for tests: a medical secretary vacancy with every field filled in,
 * which a test changes as it needs.
 */
public final class Feeds {

	/** Put as a change to leave a field out. */
	public static final Object NONE = new Object();

	private Feeds() {
	}

	/** A date this many days from today in London, as a trust's system writes it. */
	public static String inDays(int days) {
		return LocalDate.now(ZoneId.of("Europe/London"))
			.plusDays(days)
			.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
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

	@SafeVarargs
	public static String feed(Map<String, Object>... vacancies) {
		return IngestApi.toJson(Map.of("vacancies", List.of(vacancies)));
	}

}
