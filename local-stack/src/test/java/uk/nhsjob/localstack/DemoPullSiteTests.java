package uk.nhsjob.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The site the demo pull source is fetched from serves the two pages of the sample NHS
 * Jobs search, dated as the stack wrote them, as NHS Jobs pages its results.
 */
class DemoPullSiteTests {

	private static final LocalDate TODAY = LocalDate.of(2031, 2, 27);

	private final HttpClient http = HttpClient.newHttpClient();

	@TempDir
	Path data;

	private DemoPullSite site;

	@BeforeEach
	void start() {
		Path samples = this.data.resolve("samples");
		SampleFeeds.write(Path.of("..", "samples", "feeds"), samples, TODAY);
		this.site = DemoPullSite.start("127.0.0.1", 0, samples);
	}

	@AfterEach
	void stop() {
		this.site.close();
	}

	@Test
	void servesTwoPagesOfAnNhsJobsSearchWithCurrentDatesOverPlainHttpOnLoopback() throws Exception {
		assertThat(this.site.url().getScheme()).isEqualTo("http");
		assertThat(this.site.url().getHost()).isEqualTo("127.0.0.1");

		HttpResponse<String> first = get(this.site.url());
		HttpResponse<String> second = get(URI.create(this.site.url() + "?page=2"));

		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(first.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/xml"));
		assertThat(first.body())
			.contains("<nhsSearch>", "<totalPages>2</totalPages>", "<page>1</page>", "<vacancyDetails>",
					"<postDate>2031-02-24</postDate>", "hours per week")
			.doesNotContain("<band>", "{{today");
		assertThat(second.statusCode()).isEqualTo(200);
		assertThat(second.body()).contains("<totalPages>2</totalPages>", "<page>2</page>", "<vacancyDetails>")
			.doesNotContain("{{today");
		assertThat(get(URI.create(this.site.url() + "?page=3")).statusCode()).isEqualTo(404);
		assertThat(get(URI.create(this.site.url() + "?page=two")).statusCode()).isEqualTo(404);
	}

	@Test
	void listensOnThePortTheEnvironmentNames() {
		assertThat(DemoPullSite.port(Map.of())).isEqualTo(8027);
		assertThat(DemoPullSite.port(Map.of("LOCAL_STACK_DEMO_PULL_PORT", "9127"))).isEqualTo(9127);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DemoPullSite.port(Map.of("LOCAL_STACK_DEMO_PULL_PORT", "x")))
			.withMessageContaining("LOCAL_STACK_DEMO_PULL_PORT");
	}

	@Test
	void runsUnlessTheEnvironmentTurnsItOff() {
		assertThat(DemoPullSite.isWanted(Map.of())).isTrue();
		assertThat(DemoPullSite.isWanted(Map.of("LOCAL_STACK_DEMO_PULL", "on"))).isTrue();
		assertThat(DemoPullSite.isWanted(Map.of("LOCAL_STACK_DEMO_PULL", " OFF "))).isFalse();
	}

	private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

}
