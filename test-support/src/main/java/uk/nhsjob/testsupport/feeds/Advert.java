package uk.nhsjob.testsupport.feeds;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import uk.nhsjob.common.vocabulary.Band;
import uk.nhsjob.common.vocabulary.ContractType;
import uk.nhsjob.testsupport.oracle.Posting;

/**
 * A vacancy as an employer's feed writes it, beside the facts the oracle matches on; and
 * the four feed formats of docs/feeds.md that carry it.
 *
 * @param externalId the source's own id for it
 * @param posting the facts, as docs/normalisation.md derives them from the texts here
 * @param salaryText the salary as the feed writes it (JSON, XML, CSV)
 * @param salaryMinimum the lowest amount, for JSON-LD's structured salary (with
 * {@code posting.pay()} as the highest)
 * @param specialtyField the specialty or department field, where the feed has one
 * @param remoteField the remote field (native JSON only)
 * @param town the town
 * @param applyUrl where candidates apply; each email lists it
 */
public record Advert(String externalId, Posting posting, @Nullable String salaryText, @Nullable Double salaryMinimum,
		@Nullable String specialtyField, @Nullable String remoteField, String town, String applyUrl) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	public static Advert of(String externalId, Posting posting, String town, String applyUrl) {
		return new Advert(externalId, posting, null, null, null, null, town, applyUrl);
	}

	public Advert salary(String text) {
		return new Advert(this.externalId, this.posting, text, this.salaryMinimum, this.specialtyField,
				this.remoteField, this.town, this.applyUrl);
	}

	public Advert salaryFrom(double minimum) {
		return new Advert(this.externalId, this.posting, this.salaryText, minimum, this.specialtyField,
				this.remoteField, this.town, this.applyUrl);
	}

	public Advert specialtyField(String specialty) {
		return new Advert(this.externalId, this.posting, this.salaryText, this.salaryMinimum, specialty,
				this.remoteField, this.town, this.applyUrl);
	}

	public Advert remoteField(String remote) {
		return new Advert(this.externalId, this.posting, this.salaryText, this.salaryMinimum, this.specialtyField,
				remote, this.town, this.applyUrl);
	}

	private @Nullable String bandText() {
		Band min = this.posting.bandMin();
		Band max = this.posting.bandMax();
		if (min == null || max == null) {
			return null;
		}
		return (min == max) ? "Band " + min.label() : "Band " + min.label() + "-" + max.label();
	}

	private @Nullable String contractText() {
		ContractType contract = this.posting.contractType();
		if (contract == null) {
			return null;
		}
		return switch (contract) {
			case PERMANENT -> "Permanent";
			case FIXED_TERM -> "Fixed-Term";
			case BANK -> "Bank";
			case SECONDMENT -> "Secondment";
			case APPRENTICESHIP -> "Apprenticeship";
		};
	}

	/** The native JSON feed of docs/feeds.md. */
	public static String nativeJson(List<Advert> adverts) {
		List<Map<String, Object>> vacancies = new ArrayList<>();
		for (Advert advert : adverts) {
			Map<String, Object> vacancy = new LinkedHashMap<>();
			vacancy.put("externalId", advert.externalId);
			vacancy.put("title", advert.posting.title());
			vacancy.put("description", "<p>" + advert.posting.description() + "</p>");
			putIfSet(vacancy, "band", advert.bandText());
			putIfSet(vacancy, "salary", advert.salaryText);
			putIfSet(vacancy, "contractType", advert.contractText());
			putIfSet(vacancy, "specialty", advert.specialtyField);
			putIfSet(vacancy, "remote", advert.remoteField);
			putIfSet(vacancy, "postcode", advert.posting.postcode());
			vacancy.put("town", advert.town);
			vacancy.put("closingDate", advert.posting.closingDate().toString());
			vacancy.put("applyUrl", advert.applyUrl);
			vacancies.add(vacancy);
		}
		return JSON.writeValueAsString(Map.of("vacancies", vacancies));
	}

	/** schema.org JobPostings in an {@code @graph}, with structured salaries. */
	public static String jsonLd(List<Advert> adverts, String employer) {
		List<Map<String, Object>> postings = new ArrayList<>();
		for (Advert advert : adverts) {
			Map<String, Object> posting = new LinkedHashMap<>();
			posting.put("@type", "JobPosting");
			posting.put("identifier", Map.of("@type", "PropertyValue", "name", employer, "value", advert.externalId));
			posting.put("title", advert.posting.title());
			posting.put("description", "<p>" + advert.posting.description() + "</p>");
			posting.put("validThrough", advert.posting.closingDate().toString());
			posting.put("employmentType", "FULL_TIME");
			posting.put("hiringOrganization", Map.of("@type", "Organization", "name", employer));
			posting.put("jobLocation", Map.of("@type", "Place", "address", Map.of("@type", "PostalAddress",
					"addressLocality", advert.town, "postalCode", advert.posting.postcode())));
			if (advert.posting.remote() == uk.nhsjob.common.vocabulary.RemoteWorking.REMOTE) {
				posting.put("jobLocationType", "TELECOMMUTE");
			}
			if (advert.posting.pay() != null) {
				posting.put("baseSalary",
						Map.of("@type", "MonetaryAmount", "currency", "GBP", "value",
								Map.of("@type", "QuantitativeValue", "minValue", advert.salaryMinimum, "maxValue",
										advert.posting.pay().maximum(), "unitText",
										advert.posting.pay().period().name())));
			}
			posting.put("url", advert.applyUrl);
			postings.add(posting);
		}
		return JSON.writeValueAsString(Map.of("@context", "https://schema.org", "@graph", postings));
	}

	/** The NHS Jobs XML shape. */
	public static String nhsJobsXml(List<Advert> adverts, String employer) {
		StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<nhsJobs>\n");
		for (Advert advert : adverts) {
			xml.append("  <vacancyDetails>\n");
			element(xml, "id", advert.externalId);
			element(xml, "reference", advert.externalId);
			element(xml, "title", advert.posting.title());
			element(xml, "employer", employer);
			xml.append("    <description><![CDATA[<p>")
				.append(advert.posting.description())
				.append("</p>]]></description>\n");
			element(xml, "salary", advert.salaryText);
			element(xml, "type", advert.contractText());
			element(xml, "closeDate", advert.posting.closingDate().toString());
			xml.append("    <locations><location>")
				.append(advert.town)
				.append(", ")
				.append(advert.posting.postcode())
				.append("</location></locations>\n");
			element(xml, "url", advert.applyUrl);
			element(xml, "band", advert.bandText());
			element(xml, "specialty", advert.specialtyField);
			xml.append("  </vacancyDetails>\n");
		}
		return xml.append("</nhsJobs>\n").toString();
	}

	/** A spreadsheet saved as CSV, with the labels people type. */
	public static String spreadsheetCsv(List<Advert> adverts) {
		StringBuilder csv = new StringBuilder(
				"Ref,Job title,Pay band,Salary,Contract type,Department,Town,Postcode,Closing date,Apply URL,Description\r\n");
		for (Advert advert : adverts) {
			List<String> cells = new ArrayList<>();
			cells.add(advert.externalId);
			cells.add(advert.posting.title());
			cells.add(orEmpty(advert.bandText()));
			cells.add(orEmpty(advert.salaryText));
			cells.add(orEmpty(advert.contractText()));
			cells.add(orEmpty(advert.specialtyField));
			cells.add(advert.town);
			cells.add(orEmpty(advert.posting.postcode()));
			cells.add(advert.posting.closingDate().toString());
			cells.add(advert.applyUrl);
			cells.add(advert.posting.description());
			csv.append(cells.stream()
				.map((cell) -> "\"" + cell.replace("\"", "\"\"") + "\"")
				.collect(Collectors.joining(","))).append("\r\n");
		}
		return csv.toString();
	}

	private static void element(StringBuilder xml, String name, @Nullable String value) {
		if (value != null) {
			xml.append("    <").append(name).append('>').append(value).append("</").append(name).append(">\n");
		}
	}

	private static void putIfSet(Map<String, Object> json, String name, @Nullable Object value) {
		if (value != null) {
			json.put(name, value);
		}
	}

	private static String orEmpty(@Nullable String value) {
		return (value != null) ? value : "";
	}

}
