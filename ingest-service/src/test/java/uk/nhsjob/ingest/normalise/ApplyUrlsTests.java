package uk.nhsjob.ingest.normalise;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ApplyUrlsTests {

	@ParameterizedTest
	@ValueSource(strings = { "https://www.jobs.nhs.uk/candidate/jobadvert/C9123-24-0001",
			"http://practice.example.org/jobs?id=4", "HTTPS://EXAMPLE.ORG/apply" })
	void acceptsAbsoluteWebLinks(String url) {
		assertThat(ApplyUrls.check(" " + url + " ")).isEqualTo(url);
	}

	@ParameterizedTest
	@ValueSource(strings = { "javascript:alert(1)", "/jobs/4", "www.example.org", "mailto:hr@example.org",
			"ftp://example.org/job", "https://", "https://exa mple.org/" })
	void refusesAnythingElse(String url) {
		assertThatIllegalArgumentException().isThrownBy(() -> ApplyUrls.check(url));
	}

	@ParameterizedTest
	@ValueSource(ints = { 2001 })
	void refusesOverlongLinks(int length) {
		String url = "https://example.org/" + "a".repeat(length - 20);

		assertThatIllegalArgumentException().isThrownBy(() -> ApplyUrls.check(url));
	}

}
