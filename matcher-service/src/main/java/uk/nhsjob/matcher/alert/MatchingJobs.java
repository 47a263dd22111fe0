package uk.nhsjob.matcher.alert;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriComponentsBuilder;

import uk.nhsjob.common.vacancy.Vacancy;

/**
 * The preview a page shows without JavaScript, asked of this service's own preview API
 * ({@code POST /api/v1/alerts/preview}) on the connector the page's request came in on:
 * alerts know nothing of matching (see the architecture tests), and the page shows
 * exactly what the API answers.
 */
@Component
class MatchingJobs {

	static final int SHOWN = 5;

	private static final Logger log = LoggerFactory.getLogger(MatchingJobs.class);

	private final RestClient http;

	MatchingJobs() {
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build());
		requests.setReadTimeout(Duration.ofSeconds(5));
		this.http = RestClient.builder().requestFactory(requests).build();
	}

	/** Empty when the preview could not be had; the page then says so. */
	Optional<PreviewPanel> preview(Criteria criteria, HttpServletRequest request) {
		String host = request.getLocalAddr().contains(":") ? "[" + request.getLocalAddr() + "]"
				: request.getLocalAddr();
		String url = UriComponentsBuilder.newInstance()
			.scheme(request.isSecure() ? "https" : "http")
			.host(host)
			.port(request.getLocalPort())
			.path("/api/v1/alerts/preview")
			.queryParam("limit", SHOWN)
			.toUriString();
		try {
			Answer answer = this.http.post()
				.uri(url)
				.contentType(MediaType.APPLICATION_JSON)
				.body(criteria)
				.retrieve()
				.body(Answer.class);
			return Optional.ofNullable(answer).map((found) -> PreviewPanel.of(found.total(), found.vacancies()));
		}
		catch (RestClientException ex) {
			log.warn("The preview for a page failed: {}", ex.getMessage());
			return Optional.empty();
		}
	}

	/** The preview API's answer. */
	record Answer(int total, List<Vacancy> vacancies) {
	}

}
