package uk.nhsjob.ingest.source;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class SourceWebConfiguration implements WebMvcConfigurer {

	private final AdminAuthorization adminAuthorization;

	private final FeedAuthorization feedAuthorization;

	SourceWebConfiguration(AdminAuthorization adminAuthorization, FeedAuthorization feedAuthorization) {
		this.adminAuthorization = adminAuthorization;
		this.feedAuthorization = feedAuthorization;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this.adminAuthorization).addPathPatterns("/api/v1/admin/**");
		registry.addInterceptor(this.feedAuthorization).addPathPatterns(FeedAuthorization.PATHS);
	}

}
