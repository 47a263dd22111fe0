package uk.nhsjob.testsupport;

import java.io.IOException;

import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * What Spring Boot's test support leaves out of a test's component scan, for a service
 * started in a child JVM from the test class path (the kill tests): the test
 * configurations there are for the in-JVM tests. Register it as a bean before the context
 * scans:
 * {@code .initializers((context) -> context.getBeanFactory().registerSingleton("skipTestConfigurations", new SkipTestConfigurations()))}.
 */
public final class SkipTestConfigurations extends TypeExcludeFilter {

	@Override
	public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
		return reader.getAnnotationMetadata().isAnnotated(TestComponent.class.getName())
				|| reader.getClassMetadata().getClassName().contains("Tests$");
	}

}
