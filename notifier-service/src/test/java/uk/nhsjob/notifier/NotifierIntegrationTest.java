package uk.nhsjob.notifier;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

import uk.nhsjob.testsupport.RealInfrastructure;

/**
 * The whole notifier on real Kafka, MongoDB and SMTP. Every test class that uses it
 * shares one application context (and one consumer group), so each test uses ids and
 * addresses of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@RealInfrastructure
@SpringBootTest(properties = "spring.config.name=notifier-service")
@AutoConfigureMockMvc
@Import(TestStreams.class)
public @interface NotifierIntegrationTest {

}
