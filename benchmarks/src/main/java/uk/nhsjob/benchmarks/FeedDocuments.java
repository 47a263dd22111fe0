package uk.nhsjob.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/**
 * Feeds of medical secretary vacancies, alike in shape to what trusts send, about 1 KB a
 * vacancy, in each format the benchmark pushes.
 */
final class FeedDocuments {

	private static final String[] TITLES = { "Medical Secretary to Consultant Cardiologist",
			"Medical Secretary - Dermatology", "Senior Medical Secretary - Oncology", "Medical Secretaries Team Leader",
			"Medico-Legal Secretary", "Clinical Coder", "Medical Receptionist", "Medical Secretary - T&O" };

	private static final String[] SALARIES = { "£27,485 - £30,162 per annum", "£24,465 - £25,524 per annum pro rata",
			"£13.50 per hour", "£25k-£28k", "Up to £30,000", "Competitive" };

	private static final String[] POSTCODES = { "LS1 4AP", "LS6 2AB", "M13 9WL", "B15 2TH", "BS2 8HW" };

	private static final List<String> CSV_COLUMNS = List.of("externalId", "Job title", "Description", "Band", "Salary",
			"Hours", "Working pattern", "Contract type", "Specialty", "Postcode", "Town", "Closing date", "Apply URL",
			"Reference");

	private FeedDocuments() {
	}

	static byte[] of(String format, int count) {
		return switch (format) {
			case "json" -> json(count);
			case "csv" -> csv(count);
			default -> throw new IllegalArgumentException("no generator for " + format + "; json or csv");
		};
	}

	static String contentType(String format) {
		return switch (format) {
			case "json" -> "application/json";
			case "csv" -> "text/csv";
			default -> throw new IllegalArgumentException("no content type for " + format);
		};
	}

	static byte[] json(int count) {
		StringBuilder out = new StringBuilder(count * 1100).append("{\"vacancies\":[");
		for (int i = 0; i < count; i++) {
			out.append((i > 0) ? ",{" : "{");
			List<String> values = values(i);
			for (int c = 0; c < CSV_COLUMNS.size(); c++) {
				out.append((c > 0) ? "," : "")
					.append('"')
					.append(jsonName(CSV_COLUMNS.get(c)))
					.append("\":\"")
					.append(values.get(c).replace("\"", "\\\""))
					.append('"');
			}
			out.append('}');
		}
		return out.append("]}").toString().getBytes(StandardCharsets.UTF_8);
	}

	static byte[] csv(int count) {
		StringBuilder out = new StringBuilder(count * 1100).append(String.join(",", CSV_COLUMNS)).append("\r\n");
		for (int i = 0; i < count; i++) {
			List<String> values = values(i);
			for (int c = 0; c < values.size(); c++) {
				out.append((c > 0) ? "," : "").append('"').append(values.get(c).replace("\"", "\"\"")).append('"');
			}
			out.append("\r\n");
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static List<String> values(int i) {
		String id = "BENCH-" + i;
		return List.of(id, TITLES[i % TITLES.length],
				"<p>Join our friendly team supporting consultants and patients.</p><p>Audio typing, "
						+ "medical terminology and the electronic patient record are part of every day; AMSPAR "
						+ "or equivalent welcome. We offer flexible working, NHS pension, 27 days' annual leave "
						+ "rising with service, and training in clinical systems. Vacancy " + i + ".</p>",
				"Band " + (3 + i % 3), SALARIES[i % SALARIES.length], (i % 2 == 0) ? "37.5 hours per week" : "22.5 hrs",
				(i % 2 == 0) ? "Full time, flexible working" : "Part time, job share", "Permanent", "Cardiology",
				POSTCODES[i % POSTCODES.length], "Leeds", LocalDate.now().plusDays(30 + i % 30).toString(),
				"https://jobs.example.org/apply/" + id, "REF-" + id);
	}

	private static String jsonName(String column) {
		return switch (column) {
			case "Job title" -> "title";
			case "Description" -> "description";
			case "Band" -> "band";
			case "Salary" -> "salary";
			case "Hours" -> "hours";
			case "Working pattern" -> "workingPattern";
			case "Contract type" -> "contractType";
			case "Specialty" -> "specialty";
			case "Postcode" -> "postcode";
			case "Town" -> "town";
			case "Closing date" -> "closingDate";
			case "Apply URL" -> "applyUrl";
			case "Reference" -> "reference";
			default -> column;
		};
	}

}
