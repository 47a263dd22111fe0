package uk.nhsjob.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo feeds the stack writes for the README's {@code curl} commands carry dates
 * counted from the day the stack starts, so that they are still open years from now.
 */
class SampleFeedsTests {

	/** The repository's templates, as the module's tests see them. */
	private static final Path TEMPLATES = Path.of("..", "samples", "feeds");

	/** Any date as the samples write them: 2031-03-29, 29/03/2031, 29 March 2031. */
	private static final Pattern A_DATE = Pattern
		.compile("\\d{4}-\\d{2}-\\d{2}|\\d{2}/\\d{2}/\\d{4}|\\d{1,2} [A-Z][a-z]+ \\d{4}");

	/** A day far from when this test is written or run, with a February in between. */
	private static final LocalDate TODAY = LocalDate.of(2031, 2, 27);

	@TempDir
	Path data;

	@Test
	void writesEveryFormatWithItsDatesCountedFromTheDayTheStackStarts() throws IOException {
		List<Path> written = SampleFeeds.write(TEMPLATES, this.data.resolve("samples"), TODAY);

		assertThat(written).extracting((path) -> path.getFileName().toString())
			.containsExactly("demo-feed.json", "demo-feed.jsonld", "demo-feed.xml", "demo-feed.csv",
					"demo-nhs-jobs-page-1.xml", "demo-nhs-jobs-page-2.xml");
		assertThat(read("demo-feed.json")).contains("\"closingDate\": \"2031-03-29\"",
				"\"closingDate\": \"28/04/2031\"", "\"closingDate\": \"13 April 2031\"");
		assertThat(read("demo-feed.jsonld")).contains("\"datePosted\": \"2031-02-22\"",
				"\"validThrough\": \"2031-03-29T23:59:00+01:00\"", "\"validThrough\": \"2031-05-28\"");
		assertThat(read("demo-feed.xml")).contains("<postDate>2031-02-24</postDate>",
				"<closeDate>2031-03-29</closeDate>", "<closeDate>28/04/2031</closeDate>",
				"<closeDate>13 April 2031</closeDate>");
		assertThat(read("demo-feed.csv")).contains(",29/03/2031,", ",28/04/2031,", ",28 May 2031,");
	}

	@Test
	void leavesNoFixedDateInAnySample() throws IOException {
		SampleFeeds.write(TEMPLATES, this.data, TODAY);

		for (String file : SampleFeeds.FILES) {
			String sample = Files.readString(this.data.resolve(file));
			assertThat(sample).as(file).doesNotContain("{{");
			assertThat(A_DATE.matcher(sample).results().map(MatchResult::group)).as(file)
				.isNotEmpty()
				.allMatch((date) -> date.startsWith("2031") || date.endsWith("2031"));
		}
	}

	@Test
	void rewritesTheSamplesWhenTheStackStartsOnAnotherDay() throws IOException {
		SampleFeeds.write(TEMPLATES, this.data, TODAY);

		SampleFeeds.write(TEMPLATES, this.data, TODAY.plusYears(1));

		assertThat(read(this.data, "demo-feed.json")).contains("\"closingDate\": \"2032-03-28\"")
			.doesNotContain("2031");
	}

	@Test
	void writesADateAsManyDaysAwayAsTheTemplateSaysInTheFormatItGives() {
		assertThat(SampleFeeds.fill("{{today|yyyy-MM-dd}}, {{today+1|dd/MM/yyyy}}, {{today-28|d MMMM yyyy}}",
				LocalDate.of(2028, 7, 2)))
			.isEqualTo("2028-07-02, 03/07/2028, 4 June 2028");
		assertThat(SampleFeeds.fill("no dates {here} $1 \\", TODAY)).isEqualTo("no dates {here} $1 \\");
	}

	private String read(String file) throws IOException {
		return read(this.data.resolve("samples"), file);
	}

	private static String read(Path folder, String file) throws IOException {
		return Files.readString(folder.resolve(file));
	}

}
