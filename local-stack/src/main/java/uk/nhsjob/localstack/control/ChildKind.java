package uk.nhsjob.localstack.control;

/** What a child of the stack is, as the control interface names it. */
public enum ChildKind {

	BROKER("broker"), SERVICE("service");

	private final String value;

	ChildKind(String value) {
		this.value = value;
	}

	public String value() {
		return this.value;
	}

}
