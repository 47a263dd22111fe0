package uk.nhsjob.ingest.source;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class SourceWebConfiguration implements WebMvcConfigurer {

	private final AdminAuthorization adminAuthorization;

	private final FeedAuthorization feedAuthorization;

	private final FeedRateLimits feedRateLimits;

	SourceWebConfiguration(AdminAuthorization adminAuthorization, FeedAuthorization feedAuthorization,
			FeedRateLimits feedRateLimits) {
		this.adminAuthorization = adminAuthorization;
		this.feedAuthorization = feedAuthorization;
		this.feedRateLimits = feedRateLimits;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this.adminAuthorization).addPathPatterns("/api/v1/admin/**");
		registry.addInterceptor(this.feedAuthorization).addPathPatterns(FeedAuthorization.PATHS);
		// after the key is checked: only the source itself spends its allowance
		registry.addInterceptor(this.feedRateLimits).addPathPatterns(FeedAuthorization.PATHS);
	}

}
