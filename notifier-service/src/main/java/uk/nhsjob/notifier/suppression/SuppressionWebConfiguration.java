package uk.nhsjob.notifier.suppression;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The admin token guards every admin call. */
@Configuration(proxyBeanMethods = false)
class SuppressionWebConfiguration implements WebMvcConfigurer {

	private final AdminAuthorization adminAuthorization;

	SuppressionWebConfiguration(AdminAuthorization adminAuthorization) {
		this.adminAuthorization = adminAuthorization;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this.adminAuthorization).addPathPatterns("/api/v1/admin/**");
	}

}
