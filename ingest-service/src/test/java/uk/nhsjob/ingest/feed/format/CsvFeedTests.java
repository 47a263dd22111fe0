package uk.nhsjob.ingest.feed.format;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import uk.nhsjob.ingest.normalise.RawVacancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CsvFeedTests {

	@Test
	void readsTheNhsbsaOpenDataColumns() throws Exception {
		String csv = """
				VACANCY_ID,JOB_REFERENCE,EMPLOYER_NAME,JOB_TITLE,STAFF_GROUP,AREA_OF_WORK,PAY_BAND,SALARY_RANGE_MIN,\
				SALARY_RANGE_MAX,SALARY_TIME_UNIT,CONTRACT_TYPE,WORKING_PATTERN,EMPLOYER_POSTCODE,CLOSING_DATE
				916-123,C9123-25-0042,Leeds Teaching Hospitals NHS Trust,Medical Secretary,Administrative and Clerical,\
				Cardiology,Band 4,27485,30162,Annum,Permanent,Full time,LS1 3EX,31/01/2027
				""";

		RawVacancy vacancy = only(Readers.read(Readers.csv(), csv)).vacancy();

		assertThat(vacancy.externalId()).isEqualTo("916-123");
		assertThat(vacancy.reference()).isEqualTo("C9123-25-0042");
		assertThat(vacancy.employerName()).isEqualTo("Leeds Teaching Hospitals NHS Trust");
		assertThat(vacancy.title()).isEqualTo("Medical Secretary");
		assertThat(vacancy.specialty()).isEqualTo("Cardiology");
		assertThat(vacancy.band()).isEqualTo("Band 4");
		assertThat(vacancy.salary()).isEqualTo("£27485 - £30162 per year");
		assertThat(vacancy.contractType()).isEqualTo("Permanent");
		assertThat(vacancy.workingPattern()).isEqualTo("Full time");
		assertThat(vacancy.postcode()).isEqualTo("LS1 3EX");
		assertThat(vacancy.closingDate()).isEqualTo("31/01/2027");
	}

	@Test
	void matchesFriendlyLabelsIgnoringCaseSpacesUnderscoresAndHyphensInAnyOrder() throws Exception {
		String csv = """
				closing-date,Date posted,APPLY url,job_title,Ref,pay band,HOURS,Working Pattern,contract type,Department,Town,post code,Salary,Description
				2027-02-28,2026-11-02,https://example.org/1,Medical Receptionist,R-1,B3,22.5,Part time,Bank,Dermatology,Leeds,LS6 2AB,£13.50 per hour,Front desk
				""";

		RawVacancy vacancy = only(Readers.read(Readers.csv(), csv)).vacancy();

		assertThat(vacancy.closingDate()).isEqualTo("2027-02-28");
		assertThat(vacancy.postedAt()).isEqualTo("2026-11-02");
		assertThat(vacancy.applyUrl()).isEqualTo("https://example.org/1");
		assertThat(vacancy.title()).isEqualTo("Medical Receptionist");
		assertThat(vacancy.reference()).isEqualTo("R-1");
		assertThat(vacancy.externalId()).isNull();
		assertThat(vacancy.band()).isEqualTo("B3");
		assertThat(vacancy.hours()).isEqualTo("22.5");
		assertThat(vacancy.workingPattern()).isEqualTo("Part time");
		assertThat(vacancy.contractType()).isEqualTo("Bank");
		assertThat(vacancy.specialty()).isEqualTo("Dermatology");
		assertThat(vacancy.town()).isEqualTo("Leeds");
		assertThat(vacancy.postcode()).isEqualTo("LS6 2AB");
		assertThat(vacancy.salary()).isEqualTo("£13.50 per hour");
		assertThat(vacancy.description()).isEqualTo("Front desk");
	}

	@Test
	void readsQuotedFieldsWithCommasQuotesAndLineBreaksAndGivesTheLineEachRecordStartsOn() throws Exception {
		String csv = "Reference,Job title,Description\r\n" + "A,\"Secretary, \"\"Senior\"\"\",\"one\r\ntwo\nthree\"\r\n"
				+ "\r\n" + "B,Coder,plain\r\n";

		List<FeedEntry> entries = Readers.read(Readers.csv(), csv);

		assertThat(entries).extracting(FeedEntry::index).containsExactly(0, 1);
		assertThat(entries).extracting(FeedEntry::line).containsExactly(2, 6);
		assertThat(entries.get(0).vacancy().title()).isEqualTo("Secretary, \"Senior\"");
		assertThat(entries.get(0).vacancy().description()).isEqualTo("one\r\ntwo\nthree");
		assertThat(entries.get(1).vacancy().reference()).isEqualTo("B");
	}

	@Test
	void readsUtf8WithOrWithoutAByteOrderMark() throws Exception {
		String csv = "Job title,Ref\nSecrétaire médicale,É-1\n";
		byte[] plain = csv.getBytes(StandardCharsets.UTF_8);
		byte[] withBom = ("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8);

		assertThat(only(Readers.read(Readers.csv(), plain)).vacancy())
			.isEqualTo(only(Readers.read(Readers.csv(), withBom)).vacancy());
		assertThat(only(Readers.read(Readers.csv(), withBom)).vacancy().title()).isEqualTo("Secrétaire médicale");
	}

	@Test
	void takesTheTownAndPostcodeFromALocationColumn() throws Exception {
		RawVacancy vacancy = only(Readers.read(Readers.csv(), "Job title,Location\nSecretary,\"Leeds, LS1 1AA\"\n"))
			.vacancy();

		assertThat(vacancy.town()).isEqualTo("Leeds");
		assertThat(vacancy.postcode()).isEqualTo("LS1 1AA");
	}

	@Test
	void skipsRowsOfEmptyCellsAsSpreadsheetsSaveThem() throws Exception {
		List<FeedEntry> entries = Readers.read(Readers.csv(),
				"Ref,Job title,Town\n,,\nR-1,Secretary,Leeds\n , ,\n,,\n");

		assertThat(entries).singleElement().satisfies((entry) -> {
			assertThat(entry.index()).isZero();
			assertThat(entry.line()).isEqualTo(3);
		});
	}

	@Test
	void leavesOutFieldsARowIsTooShortToHave() throws Exception {
		RawVacancy vacancy = only(Readers.read(Readers.csv(), "Ref,Job title,Town\nR-1\n")).vacancy();

		assertThat(vacancy.reference()).isEqualTo("R-1");
		assertThat(vacancy.title()).isNull();
	}

	@Test
	void handsOnEachVacancyBeforeReadingTheNext() {
		List<String> seen = new ArrayList<>();

		assertThatExceptionOfType(UnreadableFeedException.class).isThrownBy(() -> Readers.csv()
			.read("Ref\nA\nB\n\"C\n".getBytes(StandardCharsets.UTF_8),
					(entry) -> seen.add(entry.vacancy().reference())));
		assertThat(seen).containsExactly("A", "B");
	}

	@Test
	void refusesAnUnterminatedQuoteNamingTheLineItStartsOn() {
		String csv = "Ref,Job title\nR-1,Secretary\nR-2,\"Never closed\nR-3,Coder\n";

		assertThatExceptionOfType(UnreadableFeedException.class).isThrownBy(() -> Readers.read(Readers.csv(), csv))
			.satisfies((ex) -> assertThat(ex.line()).isEqualTo(3))
			.withMessageContaining("line 3");
	}

	@Test
	void refusesBytesThatAreNotUtf8NamingTheLine() {
		byte[] csv = { 'R', 'e', 'f', '\n', 'A', '\n', (byte) 0xC3, (byte) 0x28, '\n' };

		assertThatExceptionOfType(UnreadableFeedException.class).isThrownBy(() -> Readers.read(Readers.csv(), csv))
			.satisfies((ex) -> assertThat(ex.line()).isEqualTo(3))
			.withMessageContaining("not UTF-8");
	}

	@Test
	void refusesAHeaderThatNamesNoColumnItReads() {
		assertThatExceptionOfType(UnreadableFeedException.class)
			.isThrownBy(() -> Readers.read(Readers.csv(), "colour,shape\nred,round\n"))
			.withMessageContaining("header");
	}

	@Test
	void refusesAnEmptyDocument() {
		assertThatExceptionOfType(UnreadableFeedException.class).isThrownBy(() -> Readers.read(Readers.csv(), ""))
			.withMessageContaining("no header row");
	}

	private static FeedEntry only(List<FeedEntry> entries) {
		assertThat(entries).hasSize(1);
		return entries.get(0);
	}

}
