fn main() {
    println!("docbao");
}
