package uk.nhsjob.ingest.normalise;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

import uk.nhsjob.ingest.IngestSettings;

@Configuration(proxyBeanMethods = false)
class NormaliseConfiguration {

	@Bean
	PayScale payScale(IngestSettings settings, ResourceLoader resources) throws IOException {
		try (InputStream csv = resources.getResource(settings.payScale()).getInputStream()) {
			return PayScale.read(csv);
		}
	}

}
