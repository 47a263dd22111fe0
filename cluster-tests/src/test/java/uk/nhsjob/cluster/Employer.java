package uk.nhsjob.cluster;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import uk.nhsjob.common.vocabulary.Band;
import uk.nhsjob.common.vocabulary.ContractType;
import uk.nhsjob.common.vocabulary.EmployerType;
import uk.nhsjob.common.vocabulary.RemoteWorking;
import uk.nhsjob.common.vocabulary.Specialty;
import uk.nhsjob.testsupport.feeds.Advert;
import uk.nhsjob.testsupport.oracle.Pay;
import uk.nhsjob.testsupport.oracle.Posting;

/**
 * One source of the workload and the feed format it writes, with the adverts it has open
 * now; it writes random vacancies (from the seeded {@link Random}) whose facts
 * ({@link Posting}) are what docs/normalisation.md derives from the text it writes. Each
 * version of an advert carries a marker of its own in its description, so a revision on
 * the vacancy topic names the version it carries.
 */
final class Employer {

	enum Format {

		JSON("application/json", EmployerType.NHS_TRUST), JSON_LD("application/ld+json", EmployerType.PRIVATE_PRACTICE),
		XML("application/xml", EmployerType.NHS_TRUST), CSV("text/csv", EmployerType.GP_PRACTICE);

		final String contentType;

		final EmployerType employerType;

		Format(String contentType, EmployerType employerType) {
			this.contentType = contentType;
			this.employerType = employerType;
		}

	}

	/** Where vacancies are: a postcode with a centroid, and its town. */
	private static final String[][] PLACES = { { "NR4 7UY", "Norwich" }, { "NR18 8AB", "Wymondham" },
			{ "NR13 3AB", "Brundall" }, { "NR2 2AA", "Norwich" }, { "LS1 3EX", "Leeds" }, { "LS6 2AB", "Leeds" } };

	private static final String[] DESCRIPTIONS = { "Audio typing of clinic letters.", "Diary management and filing.",
			"Audio typing for the bank staff office.", "Clinic letters and audio typing.",
			"Typing; night shifts two weeks a month.", "Work on night shifts and clinic letters.",
			"Typing and diary management for the consultants." };

	/** Each band's salary as the feeds write it, its lowest and its highest amount. */
	private static final Map<Band, Object[]> SALARIES = Map.of(Band.BAND_3,
			new Object[] { "£24,071 - £25,674 per annum", 24071.0, 25674.0 }, Band.BAND_4,
			new Object[] { "£27,485 - £30,162 per annum", 27485.0, 30162.0 }, Band.BAND_5,
			new Object[] { "£31,049 - £37,796 per annum", 31049.0, 37796.0 }, Band.BAND_6,
			new Object[] { "£38,682 - £46,580 per annum", 38682.0, 46580.0 });

	final String sourceId;

	final String name;

	final Format format;

	final String postcode;

	private final Map<String, Advert> open = new LinkedHashMap<>();

	private int nextNumber = 1;

	Employer(String sourceId, String name, Format format, String postcode) {
		this.sourceId = sourceId;
		this.name = name;
		this.format = format;
		this.postcode = postcode;
	}

	EmployerType employerType() {
		return this.format.employerType;
	}

	/**
	 * A delta feed: {@code fresh} new adverts and {@code changed} new versions of open
	 * ones.
	 */
	synchronized List<Advert> delta(Random random, Markers markers, LocalDate today, int fresh, int changed) {
		List<Advert> adverts = new ArrayList<>();
		List<String> openIds = new ArrayList<>(this.open.keySet());
		for (int i = 0; i < changed && !openIds.isEmpty(); i++) {
			String externalId = openIds.remove(random.nextInt(openIds.size()));
			adverts.add(advert(random, markers, today, externalId));
		}
		for (int i = 0; i < fresh; i++) {
			adverts.add(advert(random, markers, today, "V" + this.nextNumber++));
		}
		return adverts;
	}

	/** What this source has open, less {@code closing} of them, for a snapshot. */
	synchronized List<Advert> snapshotClosing(Random random, int closing) {
		List<Advert> kept = new ArrayList<>(this.open.values());
		for (int i = 0; i < closing && kept.size() > 1; i++) {
			kept.remove(random.nextInt(kept.size()));
		}
		return kept;
	}

	/** Records what a feed the ingest accepted leaves open. */
	synchronized void accepted(List<Advert> adverts, boolean snapshot) {
		if (snapshot) {
			this.open.clear();
		}
		adverts.forEach((advert) -> this.open.put(advert.externalId(), advert));
	}

	synchronized int openCount() {
		return this.open.size();
	}

	String body(List<Advert> adverts) {
		return switch (this.format) {
			case JSON -> Advert.nativeJson(adverts);
			case JSON_LD -> Advert.jsonLd(adverts, this.name);
			case XML -> Advert.nhsJobsXml(adverts, this.name);
			case CSV -> Advert.spreadsheetCsv(adverts);
		};
	}

	private Advert advert(Random random, Markers markers, LocalDate today, String externalId) {
		String[] place = PLACES[random.nextInt(PLACES.length)];
		int kind = random.nextInt(4);
		String title = switch (kind) {
			case 1 -> "Medical Secretary - Cardiology";
			case 2 -> "Medical Secretary - Dermatology";
			default -> "Medical Secretary";
		};
		String marker = markers.next(random);
		String description = DESCRIPTIONS[random.nextInt(DESCRIPTIONS.length)] + " Ref " + marker + ".";
		LocalDate closing = today.plusDays(random.nextInt(5) == 0 ? 0 : 1 + random.nextInt(30));
		String id = this.sourceId + ":" + externalId;
		Posting posting = Posting.of(id, title, description, employerType(), place[0], closing);
		if (kind == 1) {
			posting = posting.specialties(Specialty.CARDIOLOGY);
		}
		else if (kind == 2) {
			posting = posting.specialties(Specialty.DERMATOLOGY);
		}
		boolean yearly = this.format != Format.JSON_LD;
		Band band = (yearly ? List.of(Band.BAND_3, Band.BAND_4, Band.BAND_5, Band.BAND_6)
				: List.of(Band.BAND_4, Band.BAND_5, Band.BAND_6))
			.get(random.nextInt(yearly ? 4 : 3));
		Object[] salary = SALARIES.get(band);
		posting = posting.band(band).pay(Pay.perYear((Double) salary[2]));
		if (this.format != Format.JSON_LD && random.nextInt(3) > 0) {
			posting = posting.contract(random.nextBoolean() ? ContractType.PERMANENT : ContractType.FIXED_TERM);
		}
		boolean remote = (this.format == Format.JSON || this.format == Format.JSON_LD) && random.nextInt(6) == 0;
		if (remote) {
			posting = posting.remote(RemoteWorking.REMOTE);
		}
		String applyUrl = "https://jobs.example.org/" + this.sourceId + "/" + externalId;
		Advert advert = Advert.of(externalId, posting, place[1], applyUrl);
		advert = (this.format == Format.JSON_LD) ? advert.salaryFrom((Double) salary[1])
				: advert.salary((String) salary[0]);
		if ((kind == 1 || kind == 2) && (this.format == Format.XML || this.format == Format.CSV)) {
			advert = advert.specialtyField((kind == 1) ? "Cardiology" : "Dermatology");
		}
		if (remote && this.format == Format.JSON) {
			advert = advert.remoteField("Remote");
		}
		markers.record(marker, posting);
		return advert;
	}

}
