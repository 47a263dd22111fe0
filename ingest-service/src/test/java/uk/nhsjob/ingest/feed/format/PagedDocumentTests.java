package uk.nhsjob.ingest.feed.format;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A pulled feed's pages are one document: its vacancies indexed across the pages in
 * order, an id repeated on a later page winning, and a page that cannot be read refusing
 * the whole.
 */
class PagedDocumentTests {

	private final FeedFormats formats = new FeedFormats(List.of(Readers.xml()));

	@Test
	void indexesTheVacanciesOfEveryPageInOrder() {
		FeedDocument document = this.formats.check(List.of(page("a", "b"), page("c", "a")));

		List<String> read = new ArrayList<>();
		document.forEach((entry) -> read.add(entry.index() + ":" + entry.vacancy().externalId()));

		assertThat(document.size()).isEqualTo(4);
		assertThat(read).containsExactly("0:a", "1:b", "2:c", "3:a");
		assertThat(document.lastIndexOfRepeatedIds()).containsExactlyEntriesOf(Map.of("a", 3));
	}

	@Test
	void refusesTheWholeWhenALaterPageCannotBeRead() {
		FeedDocument.Page broken = new FeedDocument.Page(Readers.xml(),
				"<nhsSearch><vacancyDetails>".getBytes(StandardCharsets.UTF_8));

		assertThatExceptionOfType(ErrorResponseException.class)
			.isThrownBy(() -> this.formats.check(List.of(page("a"), broken)))
			.satisfies((problem) -> assertThat(problem.getStatusCode().value()).isEqualTo(400));
	}

	private static FeedDocument.Page page(String... ids) {
		StringBuilder xml = new StringBuilder("<nhsSearch>");
		for (String id : ids) {
			xml.append("<vacancyDetails><id>").append(id).append("</id><title>Nurse</title></vacancyDetails>");
		}
		return new FeedDocument.Page(Readers.xml(),
				xml.append("</nhsSearch>").toString().getBytes(StandardCharsets.UTF_8));
	}

}
