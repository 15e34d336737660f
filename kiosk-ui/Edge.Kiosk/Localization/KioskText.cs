using System.Collections.Frozen;
using System.Globalization;

namespace Edge.Kiosk.Localization;

/// <summary>
/// Every string a shopper reads, in the four kiosk languages. Kept in code rather than resx so that a test can
/// prove each key exists in every language and each translation takes the same placeholders.
/// </summary>
internal static class KioskText
{
    // key -> en, nb, pl, de
    private static readonly (string Key, string En, string Nb, string Pl, string De)[] Table =
    [
        ("app.title", "Store kiosk", "Butikkiosk", "Kiosk sklepu", "Filial-Kiosk"),
        ("app.skip", "Skip to content", "Hopp til innhold", "Przejdź do treści", "Zum Inhalt springen"),
        ("lang.label", "Language", "Språk", "Język", "Sprache"),
        ("contrast.on", "High contrast", "Høy kontrast", "Wysoki kontrast", "Hoher Kontrast"),
        ("attract.title", "Welcome", "Velkommen", "Witamy", "Willkommen"),
        ("attract.touch", "Touch here to log in or browse", "Trykk her for å logge inn eller se deg rundt", "Dotknij, aby się zalogować lub przeglądać", "Hier tippen zum Anmelden oder Stöbern"),
        ("attract.products", "Find a product", "Finn en vare", "Znajdź produkt", "Produkt finden"),
        ("attract.welcomeCard", "Welcome to our store", "Velkommen til butikken vår", "Witamy w naszym sklepie", "Willkommen in unserem Markt"),
        ("greet.hello", "Hi {0}!", "Hei {0}!", "Cześć {0}!", "Hallo {0}!"),
        ("greet.isItYou", "Hi {0} - is it you?", "Hei {0} - er det deg?", "Cześć {0} - to Ty?", "Hallo {0} - bist du es?"),
        ("greet.yes", "Yes, log me in", "Ja, logg meg inn", "Tak, zaloguj mnie", "Ja, anmelden"),
        ("greet.offers", "Your offers today", "Dine tilbud i dag", "Twoje oferty na dziś", "Deine Angebote heute"),
        ("login.title", "Log in", "Logg inn", "Zaloguj się", "Anmelden"),
        ("login.pin", "Your 4-digit PIN", "Din firesifrede PIN-kode", "Twój 4-cyfrowy PIN", "Deine 4-stellige PIN"),
        ("login.phone", "Phone number", "Telefonnummer", "Numer telefonu", "Telefonnummer"),
        ("login.submit", "Log in", "Logg inn", "Zaloguj", "Anmelden"),
        ("login.withPhone", "Log in with phone number", "Logg inn med telefonnummer", "Zaloguj numerem telefonu", "Mit Telefonnummer anmelden"),
        ("login.withQr", "Log in with the app (QR code)", "Logg inn med appen (QR-kode)", "Zaloguj aplikacją (kod QR)", "Mit der App anmelden (QR-Code)"),
        ("login.wrongPin", "Wrong PIN. {0} tries left.", "Feil PIN. {0} forsøk igjen.", "Błędny PIN. Pozostało prób: {0}.", "Falsche PIN. Noch {0} Versuche."),
        ("login.failed", "Phone number or PIN not recognised.", "Telefonnummer eller PIN ble ikke gjenkjent.", "Nie rozpoznano numeru telefonu lub PIN-u.", "Telefonnummer oder PIN nicht erkannt."),
        ("login.badPin", "A PIN has exactly 4 digits.", "En PIN har nøyaktig 4 sifre.", "PIN ma dokładnie 4 cyfry.", "Eine PIN hat genau 4 Ziffern."),
        ("login.badPhone", "Please enter a phone number (digits, optionally starting with +).", "Skriv inn et telefonnummer (sifre, eventuelt med + først).", "Wpisz numer telefonu (cyfry, opcjonalnie z + na początku).", "Bitte eine Telefonnummer eingeben (Ziffern, optional mit + am Anfang)."),
        ("login.memberLocked", "Too many wrong PINs. Please try again in {0} minutes or ask a member of staff.", "For mange feil PIN-koder. Prøv igjen om {0} minutter eller spør en ansatt.", "Zbyt wiele błędnych PIN-ów. Spróbuj ponownie za {0} min lub poproś obsługę.", "Zu viele falsche PINs. Bitte in {0} Minuten erneut versuchen oder das Personal fragen."),
        ("login.kioskLocked", "PIN login is paused on this kiosk for {0} minutes. Please ask a member of staff.", "PIN-innlogging er satt på pause på denne kiosken i {0} minutter. Spør en ansatt.", "Logowanie PIN-em jest wstrzymane na tym kiosku przez {0} min. Poproś obsługę.", "Die PIN-Anmeldung ist an diesem Kiosk für {0} Minuten pausiert. Bitte das Personal fragen."),
        ("login.offline", "Login is not possible right now: the store system is not answering. You can still look around.", "Innlogging er ikke mulig akkurat nå: butikksystemet svarer ikke. Du kan fortsatt se deg rundt.", "Logowanie jest teraz niemożliwe: system sklepu nie odpowiada. Nadal możesz przeglądać.", "Anmelden ist gerade nicht möglich: das Filialsystem antwortet nicht. Du kannst dich trotzdem umsehen."),
        ("login.qrHelp", "Open the store app and scan this code. It works once and for {0} minutes.", "Åpne butikkappen og skann denne koden. Den virker én gang og i {0} minutter.", "Otwórz aplikację sklepu i zeskanuj ten kod. Działa raz i przez {0} min.", "Öffne die Filial-App und scanne diesen Code. Er gilt einmal und {0} Minuten lang."),
        ("login.qrExpired", "This code has expired. Here is a new one.", "Denne koden er utløpt. Her er en ny.", "Ten kod wygasł. Oto nowy.", "Dieser Code ist abgelaufen. Hier ist ein neuer."),
        ("login.qrInvalid", "That code was not accepted. Please scan the code on this screen again.", "Den koden ble ikke godtatt. Skann koden på denne skjermen på nytt.", "Ten kod nie został przyjęty. Zeskanuj ponownie kod z tego ekranu.", "Dieser Code wurde nicht angenommen. Bitte den Code auf diesem Bildschirm erneut scannen."),
        ("login.qrAlt", "QR code for logging in with the store app", "QR-kode for innlogging med butikkappen", "Kod QR do logowania aplikacją sklepu", "QR-Code zum Anmelden mit der Filial-App"),
        ("nav.home", "My page", "Min side", "Moja strona", "Meine Seite"),
        ("nav.offers", "Offers", "Tilbud", "Oferty", "Angebote"),
        ("nav.reviews", "Reviews", "Anmeldelser", "Opinie", "Bewertungen"),
        ("nav.games", "Games", "Spill", "Gry", "Spiele"),
        ("nav.products", "Products", "Varer", "Produkty", "Produkte"),
        ("nav.logout", "Log out", "Logg ut", "Wyloguj", "Abmelden"),
        ("nav.start", "Start", "Start", "Start", "Start"),
        ("nav.main", "Main menu", "Hovedmeny", "Menu główne", "Hauptmenü"),
        ("idle.countdown", "No touch: logging out in {0} s", "Ingen berøring: logger ut om {0} s", "Brak dotyku: wylogowanie za {0} s", "Keine Berührung: Abmeldung in {0} s"),
        ("member.points", "Points", "Poeng", "Punkty", "Punkte"),
        ("member.pending", "{0} pending", "{0} venter", "{0} oczekuje", "{0} ausstehend"),
        ("member.punchCards", "Punch cards", "Stempelkort", "Karty pieczątek", "Stempelkarten"),
        ("member.stamps", "{0} of {1} stamps - reward: {2}", "{0} av {1} stempler - belønning: {2}", "{0} z {1} pieczątek - nagroda: {2}", "{0} von {1} Stempeln - Prämie: {2}"),
        ("offers.save", "Save to my app", "Lagre i appen min", "Zapisz w aplikacji", "In meiner App speichern"),
        ("offers.saved", "Saved to your app", "Lagret i appen din", "Zapisano w aplikacji", "In deiner App gespeichert"),
        ("offers.validUntil", "Valid until {0}", "Gyldig til {0}", "Ważne do {0}", "Gültig bis {0}"),
        ("offers.none", "No offers right now.", "Ingen tilbud akkurat nå.", "Brak ofert w tej chwili.", "Gerade keine Angebote."),
        ("offers.percent", "{0} % off", "{0} % rabatt", "{0} % taniej", "{0} % Rabatt"),
        ("offers.amount", "{0} off", "{0} rabatt", "{0} taniej", "{0} Rabatt"),
        ("reviews.title", "Reviews of {0}", "Anmeldelser av {0}", "Opinie o {0}", "Bewertungen zu {0}"),
        ("reviews.average", "{0} of 5 stars from {1} reviews", "{0} av 5 stjerner fra {1} anmeldelser", "{0} na 5 gwiazdek z {1} opinii", "{0} von 5 Sternen aus {1} Bewertungen"),
        ("reviews.stars", "{0} stars", "{0} stjerner", "{0} gwiazdki", "{0} Sterne"),
        ("reviews.verified", "Verified member", "Verifisert medlem", "Zweryfikowany klient", "Verifiziertes Mitglied"),
        ("reviews.write", "Write a review", "Skriv en anmeldelse", "Napisz opinię", "Bewertung schreiben"),
        ("reviews.rating", "Your rating", "Din vurdering", "Twoja ocena", "Deine Bewertung"),
        ("reviews.text", "Your review", "Din anmeldelse", "Twoja opinia", "Deine Bewertung (Text)"),
        ("reviews.submit", "Post review", "Publiser anmeldelse", "Opublikuj opinię", "Bewertung senden"),
        ("reviews.published", "Thank you! Your review is published.", "Takk! Anmeldelsen din er publisert.", "Dziękujemy! Twoja opinia została opublikowana.", "Danke! Deine Bewertung ist veröffentlicht."),
        ("reviews.refused", "Your review could not be published ({0}).", "Anmeldelsen din kunne ikke publiseres ({0}).", "Nie można opublikować opinii ({0}).", "Deine Bewertung konnte nicht veröffentlicht werden ({0})."),
        ("reviews.queued", "The store system is offline: your review is saved on this kiosk and will be posted when it is back.", "Butikksystemet er frakoblet: anmeldelsen er lagret på kiosken og sendes når det er tilbake.", "System sklepu jest offline: opinia jest zapisana w kiosku i zostanie wysłana po jego powrocie.", "Das Filialsystem ist offline: deine Bewertung ist am Kiosk gespeichert und wird gesendet, sobald es zurück ist."),
        ("reviews.cut", "Your text was longer than {0} characters and was cut.", "Teksten var lengre enn {0} tegn og ble kortet ned.", "Tekst był dłuższy niż {0} znaków i został skrócony.", "Dein Text war länger als {0} Zeichen und wurde gekürzt."),
        ("reviews.needRating", "Please choose 1 to 5 stars.", "Velg 1 til 5 stjerner.", "Wybierz od 1 do 5 gwiazdek.", "Bitte 1 bis 5 Sterne wählen."),
        ("reviews.needText", "Please write a few words.", "Skriv noen ord.", "Napisz kilka słów.", "Bitte ein paar Worte schreiben."),
        ("reviews.none", "No reviews yet.", "Ingen anmeldelser ennå.", "Brak opinii.", "Noch keine Bewertungen."),
        ("games.checkIn", "Daily check-in", "Daglig innsjekk", "Codzienne zameldowanie", "Täglicher Check-in"),
        ("games.checkedIn", "Checked in: +{0} points", "Sjekket inn: +{0} poeng", "Zameldowano: +{0} pkt", "Eingecheckt: +{0} Punkte"),
        ("games.alreadyCheckedIn", "You already checked in today.", "Du har allerede sjekket inn i dag.", "Już dziś się zameldowałeś.", "Du hast heute schon eingecheckt."),
        ("games.draw", "Prize draw", "Premietrekning", "Losowanie nagród", "Gewinnspiel"),
        ("games.drawWon", "You won: {0}!", "Du vant: {0}!", "Wygrałeś: {0}!", "Gewonnen: {0}!"),
        ("games.drawLost", "No prize this time. Good luck tomorrow!", "Ingen premie denne gangen. Lykke til i morgen!", "Tym razem bez nagrody. Powodzenia jutro!", "Diesmal kein Gewinn. Viel Glück morgen!"),
        ("games.drawPending", "Your prize is confirmed by head office shortly; staff will hand it over then.", "Premien bekreftes snart av hovedkontoret; de ansatte gir deg den da.", "Nagroda zostanie wkrótce potwierdzona przez centralę; obsługa ją wtedy wyda.", "Dein Gewinn wird gleich von der Zentrale bestätigt; dann überreicht ihn das Personal."),
        ("games.spin", "Spin to win", "Snurr og vinn", "Zakręć i wygraj", "Drehen und gewinnen"),
        ("games.share", "Share your visit", "Del besøket ditt", "Udostępnij swoją wizytę", "Teile deinen Besuch"),
        ("games.shared", "Thanks for sharing your visit: +{0} points (pending)", "Takk for at du delte besøket: +{0} poeng (venter)", "Dziękujemy za udostępnienie wizyty: +{0} pkt (oczekuje)", "Danke fürs Teilen deines Besuchs: +{0} Punkte (ausstehend)"),
        ("games.alreadyShared", "You already shared today's visit.", "Du har allerede delt dagens besøk.", "Dzisiejsza wizyta została już udostępniona.", "Du hast den heutigen Besuch schon geteilt."),
        ("badges.title", "Badges and challenges", "Merker og utfordringer", "Odznaki i wyzwania", "Abzeichen und Challenges"),
        ("badges.earned", "Earned", "Oppnådd", "Zdobyte", "Erreicht"),
        ("badges.progress", "{0} of {1}", "{0} av {1}", "{0} z {1}", "{0} von {1}"),
        ("badge.first-review", "First review", "Første anmeldelse", "Pierwsza opinia", "Erste Bewertung"),
        ("badge.first-draw", "First prize draw", "Første premietrekning", "Pierwsze losowanie", "Erstes Gewinnspiel"),
        ("badge.check-ins", "Regular: {0} check-ins", "Stamkunde: {0} innsjekker", "Stały gość: {0} zameldowań", "Stammgast: {0} Check-ins"),
        ("challenge.check-in-days-month", "Check in on {0} days this month", "Sjekk inn {0} dager denne måneden", "Zamelduj się w {0} dni w tym miesiącu", "Checke diesen Monat an {0} Tagen ein"),
        ("wish.title", "My wish list", "Min ønskeliste", "Moja lista życzeń", "Meine Wunschliste"),
        ("wish.add", "Add to wish list", "Legg på ønskelisten", "Dodaj do listy życzeń", "Auf die Wunschliste"),
        ("wish.remove", "Remove from wish list", "Fjern fra ønskelisten", "Usuń z listy życzeń", "Von der Wunschliste entfernen"),
        ("wish.empty", "Your wish list is empty. Add products from the product search.", "Ønskelisten din er tom. Legg til varer fra varesøket.", "Twoja lista życzeń jest pusta. Dodaj produkty z wyszukiwarki.", "Deine Wunschliste ist leer. Füge Produkte aus der Produktsuche hinzu."),
        ("wish.full", "Your wish list is full. Please remove a product first.", "Ønskelisten din er full. Fjern en vare først.", "Lista życzeń jest pełna. Najpierw usuń jakiś produkt.", "Deine Wunschliste ist voll. Bitte entferne zuerst ein Produkt."),
        ("wish.unknown", "This product is not available in this store.", "Denne varen finnes ikke i denne butikken.", "Ten produkt nie jest dostępny w tym sklepie.", "Dieses Produkt gibt es in dieser Filiale nicht."),
        ("games.spinResult", "The wheel stopped on: {0}", "Hjulet stoppet på: {0}", "Koło zatrzymało się na: {0}", "Das Rad blieb stehen bei: {0}"),
        ("products.search", "Search products", "Søk etter varer", "Szukaj produktów", "Produkte suchen"),
        ("products.searchButton", "Search", "Søk", "Szukaj", "Suchen"),
        ("products.aisle", "Aisle {0}", "Gang {0}", "Alejka {0}", "Gang {0}"),
        ("products.InStock", "In stock ({0})", "På lager ({0})", "Dostępny ({0})", "Vorrätig ({0})"),
        ("products.Low", "Only {0} left", "Bare {0} igjen", "Zostało tylko {0}", "Nur noch {0}"),
        ("products.OutOfStock", "Out of stock", "Utsolgt", "Brak w magazynie", "Ausverkauft"),
        ("products.compare", "Compare", "Sammenlign", "Porównaj", "Vergleichen"),
        ("products.compareTitle", "Comparison", "Sammenligning", "Porównanie", "Vergleich"),
        ("products.price", "Price", "Pris", "Cena", "Preis"),
        ("products.none", "No products found.", "Fant ingen varer.", "Nie znaleziono produktów.", "Keine Produkte gefunden."),
        ("products.queryTooLong", "Search text is limited to {0} characters.", "Søketeksten er begrenset til {0} tegn.", "Tekst wyszukiwania ma limit {0} znaków.", "Der Suchtext ist auf {0} Zeichen begrenzt."),
        ("offline.banner", "The store system is offline. Some things are unavailable.", "Butikksystemet er frakoblet. Noe er utilgjengelig.", "System sklepu jest offline. Niektóre funkcje są niedostępne.", "Das Filialsystem ist offline. Manches ist nicht verfügbar."),
        ("error.generic", "Something went wrong. Please try again.", "Noe gikk galt. Prøv igjen.", "Coś poszło nie tak. Spróbuj ponownie.", "Etwas ist schiefgelaufen. Bitte erneut versuchen."),
    ];

    private static readonly FrozenDictionary<string, FrozenDictionary<string, string>> ByLanguage = Build();

    public static IEnumerable<string> Keys => Table.Select(t => t.Key);

    /// <summary>The text for <paramref name="key"/> in <paramref name="language"/>; unknown languages fall back to English.</summary>
    public static string Get(string language, string key)
    {
        var table = ByLanguage.TryGetValue(language, out var t) ? t : ByLanguage["en"];
        return table.TryGetValue(key, out var text) ? text : throw new KeyNotFoundException($"No kiosk text '{key}'");
    }

    public static bool Has(string key) => ByLanguage["en"].ContainsKey(key);

    public static string Format(string language, string key, params object?[] args) =>
        string.Format(CultureFor(language), Get(language, key), args);

    public static CultureInfo CultureFor(string language) => CultureInfo.GetCultureInfo(language switch
    {
        "nb" => "nb-NO",
        "pl" => "pl-PL",
        "de" => "de-DE",
        _ => "en-GB",
    });

    private static FrozenDictionary<string, FrozenDictionary<string, string>> Build()
    {
        FrozenDictionary<string, string> Column(Func<(string Key, string En, string Nb, string Pl, string De), string> pick) =>
            Table.ToFrozenDictionary(t => t.Key, pick, StringComparer.Ordinal);
        return new Dictionary<string, FrozenDictionary<string, string>>
        {
            ["en"] = Column(t => t.En),
            ["nb"] = Column(t => t.Nb),
            ["pl"] = Column(t => t.Pl),
            ["de"] = Column(t => t.De),
        }.ToFrozenDictionary();
    }
}
