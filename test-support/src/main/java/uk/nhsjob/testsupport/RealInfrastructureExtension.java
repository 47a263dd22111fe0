package uk.nhsjob.testsupport;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the shared {@link TestInfrastructure} before a test class and publishes its
 * addresses as system properties, which Spring's environment reads before the
 * application's own settings. Tests may also take the {@link TestInfrastructure} or its
 * {@link Mailbox} as a parameter.
 */
public class RealInfrastructureExtension implements BeforeAllCallback, ParameterResolver {

	@Override
	public void beforeAll(ExtensionContext context) {
		TestInfrastructure infrastructure = TestInfrastructure.shared();
		infrastructure.springProperties().forEach(System::setProperty);
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
		Class<?> type = parameter.getParameter().getType();
		return type == TestInfrastructure.class || type == Mailbox.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
		TestInfrastructure infrastructure = TestInfrastructure.shared();
		return (parameter.getParameter().getType() == Mailbox.class) ? infrastructure.mailbox() : infrastructure;
	}

}
