package uk.nhsjob.ingest.feed.format;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import uk.nhsjob.ingest.IngestApi.Response;
import uk.nhsjob.ingest.IngestServiceTest;
import uk.nhsjob.ingest.RegisteredSource;
import uk.nhsjob.ingest.VacancyTopic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The corpus under {@code src/test/resources/hostile}: each document is refused as a
 * whole with {@code 400 application/problem+json}, nothing of it is published (most hold
 * a good vacancy before the hostile part), and no connection is opened to the address
 * that the documents with {@code {port}} name. A DOCTYPE is reported on the line where
 * its declaration ends.
 */
@IngestServiceTest
class HostileDocumentsTests {

	@RegisterExtension
	final RegisteredSource source = new RegisteredSource("hostile", "NHS_TRUST", "LS6 2AB");

	ServerSocket lure;

	@BeforeEach
	void setUp() throws IOException {
		this.lure = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
	}

	@AfterEach
	void closeLure() throws IOException {
		this.lure.close();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			xml-doctype.xml                 | application/xml      | DOCTYPE                      | 2
			xml-xxe-file.xml                | application/xml      | DOCTYPE                      | 4
			xml-xxe-http.xml                | text/xml             | DOCTYPE                      | 4
			xml-external-dtd.xml            | application/xml      | DOCTYPE                      | 2
			xml-parameter-entity.xml        | application/xml      | DOCTYPE                      | 5
			xml-billion-laughs.xml          | application/xml      | DOCTYPE                      | 13
			xml-xinclude.xml                | application/xml      | XInclude                     | 11
			xml-undeclared-entity.xml       | application/xml      | not well-formed XML          | 9
			xml-wrong-root.xml              | application/xml      | <rss>                        | 2
			xml-truncated.xml               | application/xml      | not well-formed XML          | 11
			xml-binary-garbage.xml          | application/xml      | not well-formed XML          | -
			json-truncated.json             | application/json     | not valid JSON               | 3
			json-deeply-nested.json         | application/json     | nesting depth                | 3
			json-not-an-object.json         | application/json     | {"vacancies": [...]}         | 1
			json-vacancy-not-an-object.json | application/json     | not a JSON object            | 3
			json-binary-garbage.json        | application/json     | not valid JSON               | 1
			jsonld-truncated.jsonld         | application/ld+json  | not valid JSON               | 3
			jsonld-not-a-job-posting.jsonld | application/ld+json  | not a schema.org JobPosting  | 1
			csv-unterminated-quote.csv      | text/csv             | from line 3                  | 3
			csv-binary-garbage.csv          | text/csv             | not UTF-8                    | 3
			csv-no-known-columns.csv        | text/csv             | names no column              | 1
			csv-empty.csv                   | text/csv             | no header row                | 1
			""")
	void refusesTheWholeDocumentAndPublishesNothingOfIt(String file, String contentType, String detail, Integer line)
			throws IOException {
		Response response = this.source.api()
			.post("/api/v1/feeds/" + this.source.id(), this.source.key(), contentType,
					BodyPublishers.ofByteArray(document(file)));

		assertThat(response.status()).as(response.text()).isEqualTo(400);
		assertThat(response.isProblem()).isTrue();
		assertThat(response.json().path("title").asString()).isEqualTo("Bad Request");
		assertThat(response.json().path("detail").asString()).contains(detail);
		if (line != null) {
			assertThat(response.json().path("line").asInt()).isEqualTo(line);
		}
		assertThat(response.text()).doesNotContain("root:");
		assertThat(VacancyTopic.keysStartingWith(this.source.id() + ":")).isEmpty();
		assertNoConnectionWasOpened();
	}

	/** The control: the check above sees what a document publishes. */
	@Test
	void seesTheGoodVacancyOfTheCorpusPublishedWhenItComesAlone() {
		String good = "<nhsJobs><vacancyDetails><id>GOOD-1</id><title>Medical Secretary</title>"
				+ "<closeDate>2099-12-31</closeDate></vacancyDetails></nhsJobs>";

		Response response = this.source.api()
			.post("/api/v1/feeds/" + this.source.id(), this.source.key(), "application/xml", good);

		assertThat(response.json().path("published").asInt()).as(response.text()).isEqualTo(1);
		assertThat(VacancyTopic.keysStartingWith(this.source.id() + ":")).containsExactly(this.source.id() + ":GOOD-1");
	}

	private byte[] document(String file) throws IOException {
		try (InputStream in = getClass().getResourceAsStream("/hostile/" + file)) {
			assertThat(in).as(file).isNotNull();
			byte[] bytes = in.readAllBytes();
			String text = new String(bytes, StandardCharsets.ISO_8859_1);
			return text.contains("{port}") ? text.replace("{port}", String.valueOf(this.lure.getLocalPort()))
				.getBytes(StandardCharsets.ISO_8859_1) : bytes;
		}
	}

	/** Anything that connected while the request ran is waiting in the backlog. */
	private void assertNoConnectionWasOpened() throws IOException {
		this.lure.setSoTimeout(50);
		assertThatExceptionOfType(SocketTimeoutException.class).isThrownBy(() -> {
			try (Socket connected = this.lure.accept()) {
				// reached only when something connected
			}
		});
	}

}
