package uk.nhsjob.matcher.matching;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

import uk.nhsjob.matcher.limit.ClientLimits;
import uk.nhsjob.platform.postcode.PostcodeDirectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The preview API over its cap on previews computed at once (docs/alerts.md, "Preview").
 */
class PreviewControllerTests {

	/** The criteria's own checks are the integration tests'. */
	private static final Validator ANY_CRITERIA = new Validator() {

		@Override
		public boolean supports(Class<?> type) {
			return true;
		}

		@Override
		public void validate(Object target, Errors errors) {
		}

	};

	@Test
	void answersServiceUnavailableWithRetryAfterWhileAsManyPreviewsAsAllowedAreRunning() throws Exception {
		OpenVacancies openVacancies = mock(OpenVacancies.class);
		CountDownLatch computing = new CountDownLatch(1);
		CountDownLatch finish = new CountDownLatch(1);
		given(openVacancies.newestFirst()).willAnswer((invocation) -> {
			computing.countDown();
			finish.await();
			return List.of();
		});
		OpenVacancyPreviews previews = new OpenVacancyPreviews(openVacancies, PostcodeDirectory.load(),
				new PreviewSettings(1, Duration.ofSeconds(5), 100), () -> 0L);
		MockMvc api = MockMvcBuilders.standaloneSetup(new PreviewController(previews, mock(ClientLimits.class)))
			.setValidator(ANY_CRITERIA)
			.build();
		try {
			CompletableFuture<MvcResult> running = CompletableFuture.supplyAsync(() -> preview(api, "held"));
			await().until(() -> computing.getCount() == 0);

			api.perform(post("/api/v1/alerts/preview").contentType(MediaType.APPLICATION_JSON)
				.content("{\"keywords\": \"another\"}"))
				.andExpect(status().isServiceUnavailable())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(header().string(HttpHeaders.RETRY_AFTER, "1"))
				.andExpect(jsonPath("$.status").value(503));

			finish.countDown();
			assertThat(running.get(30, TimeUnit.SECONDS).getResponse().getStatus()).isEqualTo(200);
		}
		finally {
			finish.countDown();
		}
	}

	private static MvcResult preview(MockMvc api, String keywords) {
		try {
			return api
				.perform(post("/api/v1/alerts/preview").contentType(MediaType.APPLICATION_JSON)
					.content("{\"keywords\": \"" + keywords + "\"}"))
				.andReturn();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
