package uk.nhsjob.matcher.alert;

/**
 * As many previews as this instance runs at once are running already
 * ({@code nhsjob.matcher.preview.max-concurrent}): the caller may ask again in a moment
 * (docs/alerts.md, "Preview").
 */
public class PreviewsBusy extends RuntimeException {

	public PreviewsBusy() {
		super("As many previews as allowed are running", null, false, false);
	}

}
