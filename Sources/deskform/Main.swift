import DeskformCLI

@main
enum Main {
    static func main() async {
        await Deskform.main()
    }
}
