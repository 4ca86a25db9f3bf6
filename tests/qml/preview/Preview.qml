import QtQuick
import Clipshelf
import ".."

// The real main window with a mock auth in one state, for screenshots.
// scene: signin | restoring | discovering | waiting | error | nokeychain | home | home-picture | signingout
Main {
    id: preview

    property string scene: "signin"
    property url pictureUrl

    auth: mock

    MockAuth {
        id: mock
        providerName: "Acme ID"
        secondsLeft: 287
        state: {
            switch (preview.scene) {
            case "restoring": return AuthController.Restoring
            case "discovering": return AuthController.Discovering
            case "completing": return AuthController.CompletingSignIn
            case "waiting": return AuthController.WaitingForBrowser
            case "home":
            case "home-picture":
            case "home-nokeychain": return AuthController.SignedIn
            case "signingout": return AuthController.SigningOut
            }
            return AuthController.SignedOut
        }
        errorMessage: preview.scene === "error"
                      ? "The sign-in page didn’t answer within 5 minutes. Try again when you’re ready."
                      : ""
        keychainWarning: preview.scene === "nokeychain" || preview.scene === "home-nokeychain"
                         ? "No Secret Service is running, so your sign-in is kept in memory and ends when Clipshelf closes."
                         : ""
        userName: "Ada Lovelace"
        email: "ada.lovelace@example.com"
        pictureUrl: preview.scene === "home-picture" ? preview.pictureUrl : ""
    }
}
